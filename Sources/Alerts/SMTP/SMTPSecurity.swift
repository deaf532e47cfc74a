/// How the SMTP connection is protected.
public enum SMTPSecurity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain TCP (only for a relay on the same host or network).
    case none
    /// Plain TCP upgraded with `STARTTLS` before authentication (port 587); fails if the server does not offer it.
    case startTLS = "starttls"
    /// TLS from the first byte (port 465).
    case tls
}

/// How the client authenticates.
public enum SMTPAuthMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// PLAIN when the server offers it, else LOGIN; no AUTH without a username.
    case auto
    /// `AUTH PLAIN` with base64 `\0user\0password`.
    case plain
    /// `AUTH LOGIN`: base64 username and password in answer to two 334 prompts.
    case login
}
