import Foundation

/// The SMTP client conversation as a sans-IO state machine: feed it server replies, perform the action it
/// returns. EHLO, optional STARTTLS (then EHLO again), optional AUTH PLAIN or LOGIN, MAIL FROM, one RCPT TO
/// per recipient, DATA, the message, QUIT.
struct SMTPClientStateMachine: Sendable {
    /// What the I/O side does next.
    enum Action: Sendable, Hashable {
        /// Write this command line (CRLF is added by the writer).
        case send(String)
        /// Write this text as is (the dot-stuffed message ending in `CRLF.CRLF`).
        case sendData(String)
        /// Put TLS in front of the connection, then call ``tlsStarted()``.
        case startTLS
        /// Done: the message was accepted.
        case finished
        /// Stop with this error.
        case fail(SMTPFailure)
    }

    /// The conversation settings.
    struct Session: Sendable, Hashable {
        var heloName: String
        var security: SMTPSecurity
        var username: String
        var password: String
        var auth: SMTPAuthMethod
        var from: String
        var recipients: [String]
        /// The dot-stuffed message with its terminating `CRLF.CRLF`.
        var data: String
    }

    private enum State: Sendable, Hashable {
        case greeting, ehlo, startTLS, awaitingTLS, authPlain, authLoginUser, authLoginPassword, authLoginDone
        case mailFrom, rcptTo(Int), data, body, quit, done, failed
    }

    private let session: Session
    private var state = State.greeting
    private var tlsActive: Bool
    /// Whether the server accepted the message (a 250 after the data); QUIT's answer no longer matters.
    private(set) var messageAccepted = false

    /// A machine waiting for the server greeting; `tlsActive` is true for implicit TLS.
    init(session: Session) {
        self.session = session
        self.tlsActive = session.security == .tls
    }

    /// The step the conversation is at, for errors (`MAIL FROM`, `RCPT TO #2`, ...).
    var stage: String {
        switch state {
        case .greeting: "greeting"
        case .ehlo: "EHLO"
        case .startTLS, .awaitingTLS: "STARTTLS"
        case .authPlain: "AUTH PLAIN"
        case .authLoginUser, .authLoginPassword, .authLoginDone: "AUTH LOGIN"
        case .mailFrom: "MAIL FROM"
        case .rcptTo(let i): "RCPT TO #\(i + 1)"
        case .data: "DATA"
        case .body: "message data"
        case .quit: "QUIT"
        case .done: "done"
        case .failed: "failed"
        }
    }

    /// The action for the next server reply.
    mutating func receive(_ reply: SMTPReply) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return fail(reply, expected: "220") }
            state = .ehlo
            return .send("EHLO \(session.heloName)")
        case .ehlo:
            guard reply.code == 250 else { return fail(reply, expected: "250") }
            let capabilities = reply.lines.dropFirst().map { $0.uppercased() }
            if session.security == .startTLS && !tlsActive {
                guard capabilities.contains(where: { $0 == "STARTTLS" }) else {
                    return fail(SMTPFailure(stage: "EHLO", code: reply.code, text: "the server does not offer STARTTLS",
                                            expected: "STARTTLS in the EHLO capabilities (security: starttls)"))
                }
                state = .startTLS
                return .send("STARTTLS")
            }
            return authenticate(capabilities)
        case .startTLS:
            guard reply.code == 220 else { return fail(reply, expected: "220") }
            state = .awaitingTLS
            return .startTLS
        case .awaitingTLS:
            return fail(reply, expected: "no reply before the TLS handshake")
        case .authPlain:
            guard reply.code == 235 else { return fail(reply, expected: "235") }
            return mailFrom()
        case .authLoginUser:
            guard reply.code == 334 else { return fail(reply, expected: "334") }
            state = .authLoginPassword
            return .send(Self.base64(session.username))
        case .authLoginPassword:
            guard reply.code == 334 else { return fail(reply, expected: "334") }
            state = .authLoginDone
            return .send(Self.base64(session.password))
        case .authLoginDone:
            guard reply.code == 235 else { return fail(reply, expected: "235") }
            return mailFrom()
        case .mailFrom:
            guard reply.code == 250 else { return fail(reply, expected: "250") }
            return recipient(0)
        case .rcptTo(let i):
            guard reply.code == 250 || reply.code == 251 else { return fail(reply, expected: "250 or 251") }
            if i + 1 < session.recipients.count { return recipient(i + 1) }
            state = .data
            return .send("DATA")
        case .data:
            guard reply.code == 354 else { return fail(reply, expected: "354") }
            state = .body
            return .sendData(session.data)
        case .body:
            guard reply.code == 250 else { return fail(reply, expected: "250") }
            messageAccepted = true
            state = .quit
            return .send("QUIT")
        case .quit:
            state = .done
            return .finished
        case .done, .failed:
            return .finished
        }
    }

    /// TLS is in place (after ``Action/startTLS``): greet again.
    mutating func tlsStarted() -> Action {
        tlsActive = true
        state = .ehlo
        return .send("EHLO \(session.heloName)")
    }

    private mutating func authenticate(_ capabilities: [String]) -> Action {
        guard !session.username.isEmpty else { return mailFrom() }
        let offered = Set(capabilities.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
            .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) })
        let method: SMTPAuthMethod
        switch session.auth {
        case .auto:
            if offered.contains("PLAIN") { method = .plain } else if offered.contains("LOGIN") { method = .login } else {
                return fail(SMTPFailure(stage: "EHLO", code: 250, text: "the server offers AUTH \(offered.sorted().joined(separator: " "))",
                                        expected: "AUTH PLAIN or LOGIN for username '\(session.username)'"))
            }
        case .plain, .login: method = session.auth
        }
        if method == .plain {
            state = .authPlain
            return .send("AUTH PLAIN " + Self.base64("\0\(session.username)\0\(session.password)"))
        }
        state = .authLoginUser
        return .send("AUTH LOGIN")
    }

    private mutating func mailFrom() -> Action {
        state = .mailFrom
        return .send("MAIL FROM:<\(session.from)>")
    }

    private mutating func recipient(_ i: Int) -> Action {
        state = .rcptTo(i)
        return .send("RCPT TO:<\(session.recipients[i])>")
    }

    private mutating func fail(_ reply: SMTPReply, expected: String) -> Action {
        fail(SMTPFailure(stage: stage, code: reply.code, text: reply.text, expected: expected))
    }

    private mutating func fail(_ failure: SMTPFailure) -> Action {
        state = .failed
        return .fail(failure)
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}

/// An SMTP reply the client did not expect. Never holds credentials: AUTH payloads are not kept.
struct SMTPFailure: Error, Sendable, Hashable {
    /// The step, e.g. `RCPT TO #1`.
    var stage: String
    /// The server's code.
    var code: Int
    /// The server's text.
    var text: String
    /// What the client expected.
    var expected: String

    /// Transient (4xx) failures may succeed later.
    var isTransient: Bool { (400..<500).contains(code) }
}
