import NIOSSL

/// Where and how alert emails are sent.
public struct SMTPConfiguration: Sendable {
    /// SMTP server host name or address.
    public var host: String
    /// Port; 587 for STARTTLS, 465 for implicit TLS, 25 for plain relays.
    public var port: Int
    /// Transport protection; default STARTTLS.
    public var security: SMTPSecurity
    /// Login name; empty for no AUTH.
    public var username: String
    /// Password (never logged).
    public var password: String
    /// AUTH mechanism; default `auto` (PLAIN, else LOGIN).
    public var auth: SMTPAuthMethod
    /// Envelope and header sender, e.g. `graphwiz@example.com`.
    public var from: String
    /// Recipients, at least one.
    public var to: [String]
    /// Name given in EHLO; default `graphwiz`.
    public var heloName: String
    /// Put before the subject, e.g. `[graphwiz]`.
    public var subjectPrefix: String
    /// TLS settings; default: system trust roots with hostname verification.
    public var tls: TLSConfiguration

    /// A configuration.
    public init(host: String, port: Int = 587, security: SMTPSecurity = .startTLS, username: String = "", password: String = "",
                auth: SMTPAuthMethod = .auto, from: String, to: [String], heloName: String = "graphwiz",
                subjectPrefix: String = "[graphwiz]", tls: TLSConfiguration = .makeClientConfiguration()) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.auth = auth
        self.from = from
        self.to = to
        self.heloName = heloName
        self.subjectPrefix = subjectPrefix
        self.tls = tls
    }
}
