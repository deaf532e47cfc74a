import Hummingbird
import HummingbirdTesting
import Testing
import TradingAPI

@Suite struct IPAllowlistTests {
    @Test func cidrRangesMatchByPrefix() throws {
        let list = try IPAllowlist(["10.0.0.0/8", "192.168.1.17", "fd00::/8"])
        #expect(list.allows("10.200.3.4"))
        #expect(!list.allows("11.0.0.1"))
        #expect(list.allows("192.168.1.17"))
        #expect(!list.allows("192.168.1.18"))
        #expect(list.allows("fd12::1"))
        #expect(!list.allows("fe80::1"))
        #expect(list.allows("::ffff:10.1.1.1"))
        #expect(!list.allows("not-an-ip"))
        #expect(try IPAllowlist([]).allows("8.8.8.8"))
        #expect(try IPAllowlist(["0.0.0.0/0"]).allows("8.8.8.8"))
        #expect(try IPAllowlist(["127.0.0.1/31"]).allows("127.0.0.0"))
    }

    @Test func badEntriesNameTheValue() {
        #expect(throws: APIConfigurationError("security.ip_allowlist: prefix of '10.0.0.0/33' must be 0...32")) {
            try IPAllowlist(["10.0.0.0/33"])
        }
        #expect(throws: APIConfigurationError("security.ip_allowlist: 'localhost' is not an IP address or CIDR range")) {
            try IPAllowlist(["localhost"])
        }
    }

    @Test func liveClientOutsideTheAllowlistGets403() async throws {
        let app = try await APIFixtures.application(security: try APIFixtures.security(allowlist: ["10.0.0.0/8"]))
        try await app.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(APIFixtures.errorCode(response.body) == "ip_not_allowed")
            }
        }
    }

    @Test func liveClientInsideTheAllowlistIsServed() async throws {
        let app = try await APIFixtures.application(security: try APIFixtures.security(allowlist: ["127.0.0.0/8", "::1/128"]))
        try await app.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
