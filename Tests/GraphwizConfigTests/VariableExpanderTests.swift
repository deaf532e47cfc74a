import Testing
@testable import GraphwizConfig

@Suite struct VariableExpanderTests {
    let expander = VariableExpander(environment: ["HOST": "db.local", "EMPTY": "", "PORT": "5432"])

    @Test func setVariableIsReplaced() throws {
        #expect(try expander.expand("url: postgres://${HOST}:${PORT}/x", source: "c.yaml") == "url: postgres://db.local:5432/x")
    }

    @Test func defaultIsUsedWhenUnsetOrEmptyButNotWhenSet() throws {
        let text = "a: ${MISSING:-one}\nb: ${EMPTY:-two}\nc: ${HOST:-three}\nd: ${MISSING:-}"
        #expect(try expander.expand(text, source: "c.yaml") == "a: one\nb: two\nc: db.local\nd: ")
    }

    @Test func nestedDefaultsExpandInnerReferences() throws {
        #expect(try expander.expand("x: ${MISSING:-${HOST:-none}}", source: "c.yaml") == "x: db.local")
        #expect(try expander.expand("x: ${MISSING:-${ALSO_MISSING:-deep}}", source: "c.yaml") == "x: deep")
    }

    @Test func unsetVariableWithoutDefaultIsReportedWithItsLineAndEveryOtherOneToo() {
        #expect(throws: ConfigError(problems: [
            ConfigProblem(location: "c.yaml:2", message: "${API_KEY} is not set and has no default (set it, or write ${API_KEY:-value})"),
            ConfigProblem(location: "c.yaml:3", message: "${SECRET} is not set and has no default (set it, or write ${SECRET:-value})"),
        ])) {
            try expander.expand("a: 1\nkey: ${API_KEY}\nsecret: ${SECRET}", source: "c.yaml")
        }
    }

    @Test func unsetVariableInsideUnusedDefaultIsNotAnError() throws {
        #expect(try expander.expand("x: ${HOST:-${NOPE}}", source: "c.yaml") == "x: db.local")
    }

    @Test func commentLinesAreNotExpanded() throws {
        #expect(try expander.expand("  # use ${UNSET} here\nx: 1", source: "c.yaml") == "  # use ${UNSET} here\nx: 1")
    }

    @Test func malformedReferencesAreReported() {
        #expect(throws: ConfigError(problems: [
            ConfigProblem(location: "c.yaml:1", message: "unterminated ${...}: expected '}' before the end of the line"),
            ConfigProblem(location: "c.yaml:2", message: "bad variable reference '${1X': expected a name of letters, digits and _ not starting with a digit"),
        ])) {
            try expander.expand("x: ${A:-b\ny: ${1X}", source: "c.yaml")
        }
    }
}
