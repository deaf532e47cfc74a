import BoltClient
import NIOSSL
import Testing

extension BoltServerTests {
    @Suite("Bolt over TLS through a TLS-terminating proxy")
    struct BoltTLSTests {
        private func withProxy(_ body: (Int) async throws -> Void) async throws {
            let plain = try BoltTestServer.configuration()
            let proxy = try await TLSTerminatingProxy.start(targetHost: plain.host, targetPort: plain.port)
            do {
                try await body(proxy.port)
            } catch {
                await proxy.stop()
                throw error
            }
            await proxy.stop()
        }

        private func connect(port: Int, tls: BoltTLS) async throws -> BoltConnection {
            var configuration = try BoltTestServer.configuration()
            configuration.host = "localhost"
            configuration.port = port
            configuration.tls = tls
            return try await BoltTestServer.connect(configuration)
        }

        @Test func selfSignedModeConnectsAndQueries() async throws {
            try await withProxy { port in
                let connection = try await connect(port: port, tls: .selfSigned)
                let result = try await connection.query("RETURN 'tls' AS t")
                #expect(result.records.first?["t"] == "tls")
                await connection.close()
            }
        }

        @Test func verifiedModeRejectsAnUntrustedCertificate() async throws {
            try await withProxy { port in
                do {
                    _ = try await connect(port: port, tls: .verified)
                    Issue.record("TLS with an untrusted self-signed certificate was accepted")
                } catch let error as BoltError {
                    guard case .tlsFailed = error else {
                        Issue.record("expected tlsFailed, got \(error)")
                        return
                    }
                    #expect(error.isRetryable == false)
                }
            }
        }

        @Test func customTrustRootAcceptsTheCertificateWithHostnameCheck() async throws {
            try await withProxy { port in
                let certificate = try NIOSSLCertificate(bytes: Array(TLSTestCertificate.certificatePEM.utf8), format: .pem)
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .certificates([certificate])
                let connection = try await connect(port: port, tls: .custom(tls))
                let result = try await connection.query("RETURN 1 AS one")
                #expect(result.records.first?["one"] == 1)
                await connection.close()
            }
        }
    }
}
