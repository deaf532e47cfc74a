import Foundation
import Hummingbird
import Logging
import NIOCore
import VenueFakes

/// A request the fake server received.
struct ReceivedRequest: Sendable, Hashable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: String
}

/// A scripted answer of the fake server.
struct ScriptedReply: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String = ""
    var delay: Duration? = nil
}

/// What the fake server got, and what it answers next.
actor FakeHTTPState {
    private(set) var requests: [ReceivedRequest] = []
    private var replies: [ScriptedReply]
    private let fallback: ScriptedReply

    init(replies: [ScriptedReply], fallback: ScriptedReply) {
        self.replies = replies
        self.fallback = fallback
    }

    func record(_ request: ReceivedRequest) -> ScriptedReply {
        requests.append(request)
        return replies.isEmpty ? fallback : replies.removeFirst()
    }
}

/// Runs `body` with a Hummingbird server on 127.0.0.1 (ephemeral port) that records every POST and answers
/// with `replies` in order, then `fallback`. The server stops when `body` returns.
func withFakeHTTPServer(replies: [ScriptedReply] = [], fallback: ScriptedReply = ScriptedReply(status: 200, body: "ok"),
                        _ body: @escaping @Sendable (_ baseURL: String, _ state: FakeHTTPState) async throws -> Void) async throws {
    let state = FakeHTTPState(replies: replies, fallback: fallback)
    let router = Router()
    router.post("**") { request, _ -> Response in
        let buffer = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        // Names in lower case.
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let reply = await state.record(ReceivedRequest(method: "\(request.method)", path: request.uri.path, headers: headers,
                                                       body: String(buffer: buffer)))
        if let delay = reply.delay { try await Task.sleep(for: delay) }
        var response = Response(status: .init(code: reply.status), body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        for (name, value) in reply.headers { response.headers[.init(name)!] = value }
        return response
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in
                              continuation.yield(channel.localAddress?.port ?? 0)
                              continuation.finish()
                          })
    // Stopped gracefully: a cancelled server would wait for the shared HTTP client's idle keep-alive connections.
    let server = FakeServerLifecycle(app, logger: Logger(label: "fake-http")) { continuation.finish() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
        await server.stop()
        throw CancellationError()
    }
    do {
        try await withTimeLimit(.seconds(30)) { try await body("http://127.0.0.1:\(port)", state) }
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Fails a test that runs longer than `limit` instead of hanging.
func withTimeLimit(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TestTimeout(limit: limit)
        }
        defer { group.cancelAll() }
        try await group.next()
    }
}

struct TestTimeout: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "the test did not finish within \(limit)" }
}
