import AsyncHTTPClient
import Foundation
import NIOCore

/// The HTTP methods the venue adapters use.
public enum HTTPVerb: String, Sendable, Hashable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
}

/// One HTTP request as the adapters build it: a full URL (query included), headers and an optional body.
public struct HTTPRequestSpec: Sendable, Hashable {
    /// The method.
    public var method: HTTPVerb
    /// The absolute URL including the query string.
    public var url: String
    /// Header names and values.
    public var headers: [String: String]
    /// The body bytes, if any.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: HTTPVerb, url: String, headers: [String: String] = [:], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A venue's answer: status, headers (names lowercased) and the whole body.
public struct HTTPResponseData: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Header values by lowercased name.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
    }

    /// The body as UTF-8 text (for error messages).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request got no response, split by whether the venue may have acted on it.
public enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request certainly did not reach the venue (connection refused, connect timeout, bad URL).
    case notSent(String)
    /// The request may have reached the venue: no (complete) response came back in time.
    case timedOut(String)
    /// The connection broke after the request was (possibly) written.
    case connectionLost(String)

    /// True when the venue may have executed the request.
    public var mayHaveReachedVenue: Bool {
        if case .notSent = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case let .notSent(text): return "request not sent: \(text)"
        case let .timedOut(text): return "no response in time: \(text)"
        case let .connectionLost(text): return "connection lost before the response: \(text)"
        }
    }
}

/// Sends HTTP requests. Adapters take any transport so tests can substitute one; production uses
/// ``AsyncHTTPClientTransport``.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the complete response, or throws ``TransportFailure``.
    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseData
}

/// ``HTTPTransport`` over AsyncHTTPClient's shared client, with a per-request deadline.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The client (the process-wide shared one by default).
    public let client: HTTPClient
    /// Time allowed for one request from connect to the last body byte.
    public let timeout: Duration
    /// Largest body accepted.
    public let maxBodyBytes: Int

    /// Creates a transport.
    public init(client: HTTPClient = .shared, timeout: Duration = .seconds(10), maxBodyBytes: Int = 32 << 20) {
        self.client = client
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url)
        switch request.method {
        case .get: outgoing.method = .GET
        case .post: outgoing.method = .POST
        case .put: outgoing.method = .PUT
        case .delete: outgoing.method = .DELETE
        }
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let millis = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(millis))
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            let buffer = try await response.body.collect(upTo: maxBodyBytes)
            return HTTPResponseData(status: Int(response.status.code), headers: headers,
                                    body: Array(buffer.readableBytesView))
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw Self.classify(error, url: request.url)
        }
    }

    /// Sorts a client error into "not sent", "timed out" or "connection lost".
    static func classify(_ error: any Error, url: String) -> TransportFailure {
        let text = "\(url): \(error)"
        if let client = error as? HTTPClientError {
            let notSent: [HTTPClientError] = [.connectTimeout, .invalidURL, .emptyHost, .emptyScheme,
                                              .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout,
                                              .alreadyShutdown]
            if notSent.contains(client) { return .notSent(text) }
            if [HTTPClientError.deadlineExceeded, .readTimeout, .writeTimeout].contains(client) { return .timedOut(text) }
            return .connectionLost(text)
        }
        let description = String(describing: error).lowercased()
        if description.contains("connection refused") || description.contains("connectionrefused")
            || description.contains("nioconnectionerror") || description.contains("connect(") {
            return .notSent(text)
        }
        return .connectionLost(text)
    }
}
