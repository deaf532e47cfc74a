@testable import BoltClient
import Testing

@Suite struct BoltConfigurationTests {
    @Test func boltURLGivesHostPortAndPlainTCP() throws {
        let configuration = try BoltConfiguration(url: "bolt://db.example.com:7688", auth: .none)
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 7688)
        guard case .disabled = configuration.tls else { Issue.record("expected no TLS"); return }
    }

    @Test func portDefaultsTo7687AndPathIsIgnored() throws {
        let configuration = try BoltConfiguration(url: "bolt+s://db.example.com/neo4j", auth: .none)
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 7687)
        guard case .verified = configuration.tls else { Issue.record("expected verified TLS"); return }
    }

    @Test func selfSignedSchemeAndIPv6Literal() throws {
        let configuration = try BoltConfiguration(url: "bolt+ssc://[::1]:9999", auth: .none)
        #expect(configuration.host == "::1")
        #expect(configuration.port == 9999)
        guard case .selfSigned = configuration.tls else { Issue.record("expected self-signed TLS"); return }
    }

    @Test func unsupportedSchemeNamesTheURLAndTheExpectedSchemes() {
        #expect(throws: BoltError.invalidConfiguration(
            "url 'neo4j://x' has scheme 'neo4j', expected bolt, bolt+s or bolt+ssc (routing schemes neo4j* are not supported)")) {
            _ = try BoltConfiguration(url: "neo4j://x", auth: .none)
        }
    }

    @Test func badPortIsRejected() {
        #expect(throws: BoltError.invalidConfiguration("url 'bolt://x:0' has port '0', expected 1-65535")) {
            _ = try BoltConfiguration(url: "bolt://x:0", auth: .none)
        }
        #expect(throws: BoltError.self) { _ = try BoltConfiguration(url: "bolt://x:http", auth: .none) }
        #expect(throws: BoltError.self) { _ = try BoltConfiguration(url: "localhost:7687", auth: .none) }
        #expect(throws: BoltError.self) { _ = try BoltConfiguration(url: "bolt://:7687", auth: .none) }
    }
}
