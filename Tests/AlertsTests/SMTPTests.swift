import Foundation
import Logging
import NIOSSL
import Testing
@testable import Alerts

@Suite struct SMTPTests {
    static let expectedMessage = [
        "From: graphwiz@example.com",
        "To: ops@example.com, cto@example.com",
        "Subject: [graphwiz] [FIRING] GraphwizDrawdownHigh",
        "Date: Wed, 25 Nov 2026 01:30:00 +0000",
        "Message-ID: <GraphwizDrawdownHigh.firing.1795570200@graphwiz>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        "GraphwizDrawdownHigh is FIRING (critical)",
        "drawdown 18.00% reached the limit 15.00%",
        "",
        "value: 0.18",
        "threshold: 0.15",
        "started: 2026-11-25T01:30:00Z",
        "at: 2026-11-25T01:30:00Z",
    ].joined(separator: "\r\n")

    static let envelope = ["MAIL FROM:<graphwiz@example.com>", "RCPT TO:<ops@example.com>", "RCPT TO:<cto@example.com>", "DATA", "QUIT"]

    static func configuration(port: Int, security: SMTPSecurity = .none, password: String = "s3cret") -> SMTPConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates([try! NIOSSLCertificate(bytes: Array(SMTPTestCertificate.certificatePEM.utf8), format: .pem)])  // swiftlint:disable:this force_try
        tls.certificateVerification = .noHostnameVerification
        return SMTPConfiguration(host: "127.0.0.1", port: port, security: security, username: "alerts", password: password,
                                 from: "graphwiz@example.com", to: ["ops@example.com", "cto@example.com"], tls: tls)
    }

    @Test func plainConversationWithAuthPlainDeliversTheMessage() async throws {
        try await FakeSMTPServer.with { server in
            try await EmailChannel(configuration: Self.configuration(port: server.port)).send(drawdownAlert(), timeout: .seconds(10))
            #expect(server.commands == ["EHLO graphwiz", "AUTH PLAIN AGFsZXJ0cwBzM2NyZXQ="] + Self.envelope)
            #expect(server.messages == [Self.expectedMessage])
            #expect(server.tlsUpgrades == 0)
        }
    }

    @Test func authLoginIsUsedWhenTheServerOffersOnlyLogin() async throws {
        var options = FakeSMTPServer.Options()
        options.authMechanisms = ["LOGIN"]
        try await FakeSMTPServer.with(options) { server in
            try await EmailChannel(configuration: Self.configuration(port: server.port)).send(drawdownAlert(), timeout: .seconds(10))
            #expect(server.commands == ["EHLO graphwiz", "AUTH LOGIN", "YWxlcnRz", "czNjcmV0"] + Self.envelope)
            #expect(server.messages == [Self.expectedMessage])
        }
    }

    @Test func startTLSUpgradesTheConnectionBeforeAuthenticating() async throws {
        var options = FakeSMTPServer.Options()
        options.offerStartTLS = true
        try await FakeSMTPServer.with(options) { server in
            let channel = EmailChannel(configuration: Self.configuration(port: server.port, security: .startTLS))
            try await channel.send(drawdownAlert(), timeout: .seconds(10))
            #expect(server.commands == ["EHLO graphwiz", "STARTTLS", "EHLO graphwiz", "AUTH PLAIN AGFsZXJ0cwBzM2NyZXQ="] + Self.envelope)
            #expect(server.tlsUpgrades == 1)
            #expect(server.messages == [Self.expectedMessage])
        }
    }

    @Test func implicitTLSSpeaksTLSFromTheFirstByte() async throws {
        var options = FakeSMTPServer.Options()
        options.implicitTLS = true
        try await FakeSMTPServer.with(options) { server in
            let channel = EmailChannel(configuration: Self.configuration(port: server.port, security: .tls))
            try await channel.send(drawdownAlert(), timeout: .seconds(10))
            #expect(server.commands == ["EHLO graphwiz", "AUTH PLAIN AGFsZXJ0cwBzM2NyZXQ="] + Self.envelope)
            #expect(server.messages == [Self.expectedMessage])
        }
    }

    @Test func plainClientAgainstATLSServerFailsWithoutHanging() async throws {
        var options = FakeSMTPServer.Options()
        options.implicitTLS = true
        try await FakeSMTPServer.with(options) { server in
            let error = await #expect(throws: AlertDeliveryError.self) {
                try await EmailChannel(configuration: Self.configuration(port: server.port)).send(drawdownAlert(), timeout: .seconds(2))
            }
            #expect(error?.isRetryable == true)
            #expect(server.messages == [])
        }
    }

    @Test func startTLSRequiredButNotOfferedStopsBeforeCredentialsAreSent() async throws {
        try await FakeSMTPServer.with { server in
            let channel = EmailChannel(configuration: Self.configuration(port: server.port, security: .startTLS))
            let error = await #expect(throws: AlertDeliveryError.self) { try await channel.send(drawdownAlert(), timeout: .seconds(10)) }
            #expect(error?.kind == .rejected)
            #expect(error?.isRetryable == false)
            #expect(error?.message == "SMTP server 127.0.0.1:\(server.port) answered 250 'the server does not offer STARTTLS' to EHLO (expected STARTTLS in the EHLO capabilities (security: starttls))")
            #expect(server.commands == ["EHLO graphwiz"])
        }
    }

    @Test func wrongPasswordIsRefusedWithoutShowingIt() async throws {
        try await FakeSMTPServer.with { server in
            let channel = EmailChannel(configuration: Self.configuration(port: server.port, password: "wrong-pass"))
            let error = await #expect(throws: AlertDeliveryError.self) { try await channel.send(drawdownAlert(), timeout: .seconds(10)) }
            #expect(error?.message == "SMTP server 127.0.0.1:\(server.port) answered 535 '5.7.8 Authentication credentials invalid' to AUTH PLAIN (expected 235)")
            #expect(error?.isRetryable == false)
            #expect(server.messages == [])
        }
    }

    @Test func transientRefusalIsRetriedOnANewConnection() async throws {
        var options = FakeSMTPServer.Options()
        options.mailFromReplies = ["451 4.3.0 Try again later"]
        try await FakeSMTPServer.with(options) { server in
            let sleeps = SleepRecorder()
            let dispatcher = AlertDispatcher(channels: [EmailChannel(configuration: Self.configuration(port: server.port))],
                                             retry: RetryPolicy(maxAttempts: 3, timeout: .seconds(10)),
                                             logger: Logger(label: "test"), metricsFactory: CountingMetrics(),
                                             sleep: { await sleeps.record($0) })
            let reports = await dispatcher.deliver([drawdownAlert()])
            #expect(reports == [AlertDeliveryReport(alertKey: "GraphwizDrawdownHigh", status: .firing, channel: "email",
                                                    attempts: 2, outcome: .success)])
            #expect(await sleeps.waits == [.milliseconds(500)])
            #expect(server.record.withLockedValue { $0.connections } == 2)
            #expect(server.messages == [Self.expectedMessage])
        }
    }

    @Test func permanentRecipientRefusalIsNotRetried() async throws {
        var options = FakeSMTPServer.Options()
        options.rcptReply = "550 5.1.1 No such user"
        try await FakeSMTPServer.with(options) { server in
            let metrics = CountingMetrics()
            let dispatcher = AlertDispatcher(channels: [EmailChannel(configuration: Self.configuration(port: server.port))],
                                             retry: RetryPolicy(maxAttempts: 3, timeout: .seconds(10)),
                                             logger: Logger(label: "test"), metricsFactory: metrics, sleep: { _ in })
            let reports = await dispatcher.deliver([drawdownAlert()])
            #expect(reports.map(\.attempts) == [1])
            #expect(reports.first?.error?.message == "SMTP server 127.0.0.1:\(server.port) answered 550 '5.1.1 No such user' to RCPT TO #1 (expected 250 or 251)")
            #expect(metrics.value("graphwiz_alerts_sent_total", [("channel", "email"), ("outcome", "failure")]) == 1)
        }
    }

    @Test func silentServerTimesOut() async throws {
        var options = FakeSMTPServer.Options()
        options.greets = false
        try await FakeSMTPServer.with(options) { server in
            let error = await #expect(throws: AlertDeliveryError.self) {
                try await EmailChannel(configuration: Self.configuration(port: server.port)).send(drawdownAlert(), timeout: .milliseconds(300))
            }
            #expect(error?.kind == .timeout)
            #expect(error?.isRetryable == true)
            #expect(server.commands == [])
        }
    }

    @Test func closedPortIsARetryableConnectionError() async throws {
        let server = try await FakeSMTPServer.start()
        let port = server.port
        await server.stop()
        // The refusal is immediate; the generous timeout only keeps a stalled machine from turning it into one.
        let error = await #expect(throws: AlertDeliveryError.self) {
            try await EmailChannel(configuration: Self.configuration(port: port)).send(drawdownAlert(), timeout: .seconds(120))
        }
        #expect(error?.kind == .connection)
        #expect(error?.isRetryable == true)
    }

    @Test func replyLinesParseCodeContinuationAndText() throws {
        func parsed(_ line: String) throws -> String {
            let (code, final, text) = try SMTPReplyDecoder.parse(line)
            return "\(code)|\(final)|\(text)"
        }
        #expect(try parsed("250-PIPELINING") == "250|false|PIPELINING")
        #expect(try parsed("250 8BITMIME") == "250|true|8BITMIME")
        #expect(try parsed("354") == "354|true|")
        #expect(throws: SMTPProtocolError.self) { try SMTPReplyDecoder.parse("hello") }
        #expect(throws: SMTPProtocolError.self) { try SMTPReplyDecoder.parse("250+x") }
    }

    @Test func leadingDotsAreDoubledInTheData() {
        #expect(SMTPMessage.dotStuffed([".hidden", "a.b", "."]) == "..hidden\r\na.b\r\n..")
    }

    @Test func stateMachineWalksTheWholeConversation() {
        let session = SMTPClientStateMachine.Session(heloName: "gw", security: .none, username: "", password: "", auth: .auto,
                                                     from: "a@x", recipients: ["b@x"], data: "body\r\n.\r\n")
        var machine = SMTPClientStateMachine(session: session)
        let replies: [(Int, [String])] = [(220, ["hi"]), (250, ["hello", "SIZE 1000"]), (250, ["ok"]), (250, ["ok"]),
                                          (354, ["go"]), (250, ["queued"]), (221, ["bye"])]
        let actions = replies.map { machine.receive(SMTPReply(code: $0.0, lines: $0.1)) }
        #expect(actions == [.send("EHLO gw"), .send("MAIL FROM:<a@x>"), .send("RCPT TO:<b@x>"), .send("DATA"),
                            .sendData("body\r\n.\r\n"), .send("QUIT"), .finished])
        #expect(machine.messageAccepted)
    }
}
