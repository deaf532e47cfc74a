import Foundation
import Testing
@testable import Exchanges

@Suite struct KrakenSigningTests {
    @Test func signatureMatchesTheOfficialDocumentationExample() throws {
        let signer = try KrakenSigner(base64Secret: "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==")
        let signature = signer.signature(path: "/0/private/AddOrder", nonce: 1_616_492_376_594,
                                         postData: "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25")
        #expect(signature == "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==")
    }

    @Test func aSecretThatIsNotBase64IsRefusedWithoutEchoingIt() {
        #expect(throws: KrakenConfigurationError.secretNotBase64) { try KrakenSigner(base64Secret: "not base64 !!") }
        #expect(!KrakenConfigurationError.secretNotBase64.description.contains("not base64 !!"))
    }

    @Test func credentialsNeverPrintTheSecret() throws {
        let secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="
        let credentials = try KrakenCredentials(apiKey: "ABCDEFGHIJ", apiSecret: secret)
        #expect(credentials.description == "KrakenCredentials(apiKey: ABCD…, secret: <redacted>)")
        #expect(!"\(credentials)".contains(secret.prefix(10)))
    }

    @Test func formEncodingEscapesReservedCharactersAndKeepsOrder() {
        #expect(KrakenForm.encode([("nonce", "1"), ("pair", "XBT/USD"), ("cl_ord_id", "a b&c=d")])
                == "nonce=1&pair=XBT%2FUSD&cl_ord_id=a%20b%26c%3Dd")
    }
}

@Suite struct KrakenNonceTests {
    @Test func noncesIncreaseEvenWhenTheClockStandsStillOrGoesBack() throws {
        let times = NonceClock([5_000, 5_000, 4_000, 6_000])
        let source = try KrakenNonceSource(nowMicros: { times.next() })
        #expect(try [source.next(), source.next(), source.next(), source.next()] == [5_000, 5_001, 5_002, 6_000])
    }

    @Test func aRestartedSourceContinuesAboveThePersistedHighWaterMark() throws {
        let file = temporaryFile("nonce")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = try KrakenNonceSource(file: file, nowMicros: { 9_000_000 })
        #expect(try first.next() == 9_000_000)
        #expect(try first.next() == 9_000_001)
        let restarted = try KrakenNonceSource(file: file, nowMicros: { 1_000 })
        #expect(restarted.highWaterMark == 9_000_001)
        #expect(try restarted.next() == 9_000_002)
    }

    @Test func aCorruptNonceFileNamesThePathAndTheBadValue() throws {
        let file = temporaryFile("nonce-bad")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("12abc".utf8).write(to: file)
        do {
            _ = try KrakenNonceSource(file: file)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(file.path))
            #expect(error.description.contains("'12abc'"))
        }
    }
}

/// A scripted clock for nonce tests.
final class NonceClock: Sendable {
    private let values: [UInt64]
    private let index = KrakenTestCounter()
    init(_ values: [UInt64]) { self.values = values }
    func next() -> UInt64 { values[min(index.increment() - 1, values.count - 1)] }
}

final class KrakenTestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
