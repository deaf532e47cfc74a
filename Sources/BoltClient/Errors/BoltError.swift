/// Errors of the Bolt client. Server failures keep Neo4j's status code
/// (`Neo.<Classification>.<Category>.<Title>`), so callers can branch on it.
public enum BoltError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered FAILURE with this status code and message.
    case server(code: String, message: String)
    /// The server ignored the request because an earlier request in the same pipeline failed.
    case ignored(request: String)
    /// The connection was closed or lost; the reason says by whom and why.
    case connectionClosed(reason: String)
    /// Connecting, the handshake or authentication did not finish in time.
    case timeout(operation: String, seconds: Double)
    /// The version handshake failed; the message gives the server's reply and what was expected.
    case handshakeFailed(String)
    /// The TLS handshake failed (untrusted certificate, host name mismatch, protocol error).
    case tlsFailed(String)
    /// The server sent something the protocol does not allow in the current state.
    case protocolViolation(String)
    /// A value could not be encoded or a message could not be decoded.
    case packStream(PackStreamError)
    /// A connection URL or option is invalid; names the field, the value and what is expected.
    case invalidConfiguration(String)
    /// The operation needs an open transaction, or a transaction was used after commit/rollback.
    case transactionClosed(String)
    /// A result stream was used after another query on the same connection discarded it.
    case resultConsumed
    /// No pooled connection became free within the acquire timeout.
    case acquireTimeout(seconds: Double)
    /// The pool was shut down.
    case poolClosed

    /// How a failure should be treated.
    public enum Classification: Sendable, Hashable {
        /// The server says retrying may succeed (`Neo.TransientError.*`).
        case transient
        /// The request was wrong (`Neo.ClientError.*`): do not retry.
        case client
        /// The server failed (`Neo.DatabaseError.*`): do not retry.
        case database
        /// The connection broke: retry on a new connection may succeed.
        case connection
        /// Anything else raised by this client.
        case other
    }

    /// The classification, from the second segment of a server status code (`X.TransientError.…`).
    public var classification: Classification {
        switch self {
        case .server(let code, _):
            let parts = code.split(separator: ".")
            guard parts.count >= 2 else { return .other }
            switch parts[1] {
            case "TransientError": return .transient
            case "ClientError": return .client
            case "DatabaseError": return .database
            default: return .other
            }
        case .connectionClosed, .timeout: return .connection
        default: return .other
        }
    }

    /// Whether a managed transaction should retry after this error: transient server errors (except
    /// the two Neo4j marks as terminated by the user) and lost connections.
    public var isRetryable: Bool {
        if case .server(let code, _) = self,
           code == "Neo.TransientError.Transaction.Terminated"
            || code == "Neo.TransientError.Transaction.LockClientStopped" {
            return false
        }
        return classification == .transient || classification == .connection
    }

    /// A one-line explanation naming what failed and what was expected.
    public var description: String {
        switch self {
        case .server(let code, let message): "Bolt server failure \(code): \(message)"
        case .ignored(let request): "Bolt: server ignored \(request) because an earlier request failed"
        case .connectionClosed(let reason): "Bolt: connection closed: \(reason)"
        case .timeout(let operation, let seconds): "Bolt: \(operation) did not finish within \(seconds) s"
        case .handshakeFailed(let detail): "Bolt handshake failed: \(detail)"
        case .tlsFailed(let detail): "Bolt TLS handshake failed: \(detail); check the certificate and the bolt+s / bolt+ssc scheme"
        case .protocolViolation(let detail): "Bolt protocol violation: \(detail)"
        case .packStream(let error): error.description
        case .invalidConfiguration(let detail): "Bolt configuration: \(detail)"
        case .transactionClosed(let detail): "Bolt transaction: \(detail)"
        case .resultConsumed: "Bolt: result was discarded because another query ran on the same connection"
        case .acquireTimeout(let seconds): "Bolt pool: no connection became free within \(seconds) s"
        case .poolClosed: "Bolt pool: the pool is shut down"
        }
    }
}
