import Testing
@testable import GraphwizConfig

@Suite struct IPRangeAndSuggestionTests {
    @Test(arguments: ["127.0.0.1", "10.0.0.0/8", "0.0.0.0/0", "::1", "fe80::/10", "2001:db8:0:0:0:0:0:1/128"])
    func validAllowlistEntries(_ entry: String) {
        #expect(IPRange.isValid(entry))
    }

    @Test(arguments: ["256.0.0.1", "10.0.0/8", "10.0.0.0/33", "1.2.3.4/x", "fe80::1::2", "2001:db8::/129", "localhost", ""])
    func invalidAllowlistEntries(_ entry: String) {
        #expect(!IPRange.isValid(entry))
    }

    @Test func suggestionIsTheClosestKnownKeyWithinTheLimit() {
        #expect(Suggestion.closest(to: "max_drawdwn", among: ["max_drawdown", "daily_loss_limit"]) == "max_drawdown")
        #expect(Suggestion.closest(to: "PORT", among: ["port", "host"]) == "port")
        #expect(Suggestion.closest(to: "colour", among: ["mode", "symbols"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }

    @Test func secretKeysAreRecognisedButMaxTokensIsNot() {
        #expect(["jwt_secret", "password", "api_key", "api_keys", "token", "bot_token", "API_SECRET"].allSatisfy(ConfigPath.isSecret))
        #expect(!["max_tokens", "user", "uri", "api_base"].contains(where: ConfigPath.isSecret))
    }
}
