import Exchanges
import Foundation
import TradingCore
import TradingModel
import VenueFakes

/// The API key and secret of Binance's published signing example, used as the fake's credentials.
enum BinanceTestKeys {
    static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
}

/// Runs `body` with a fresh fake Binance on 127.0.0.1 and an adapter pointed at it; stops the server after.
func withFakeBinance<T: Sendable>(secret: String = BinanceTestKeys.secret, apiKey: String = BinanceTestKeys.apiKey,
                                  timeout: Duration = .seconds(5),
                                  _ body: (FakeBinanceServer, BinanceExchange) async throws -> T) async throws -> T {
    let server = try await FakeBinanceServer.start(apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret)
    let configuration = BinanceConfiguration(apiKey: apiKey, apiSecret: secret, restBaseURL: server.baseURL,
                                             requestTimeout: timeout)
    let exchange = BinanceExchange(configuration: configuration)
    do {
        let result = try await body(server, exchange)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Reads events until `count` arrived or `seconds` passed.
func collect(_ events: AsyncStream<ExecutionEvent>, count: Int, seconds: Double = 20) async -> [ExecutionEvent] {
    await withTaskGroup(of: [ExecutionEvent].self) { group in
        group.addTask {
            var seen: [ExecutionEvent] = []
            for await event in events {
                seen.append(event)
                if seen.count == count { break }
            }
            return seen
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return []
        }
        let first = await group.next() ?? []
        group.cancelAll()
        return first
    }
}

/// The error `body` throws as an ``ExchangeError``, or nil.
func exchangeError(_ body: () async throws -> Void) async -> ExchangeError? {
    do {
        try await body()
        return nil
    } catch let error as ExchangeError {
        return error
    } catch {
        return ExchangeError(kind: .unknown, venue: "test", message: "not an ExchangeError: \(error)")
    }
}

/// Runs `body` until it succeeds, at most `attempts` times: for the set-up requests of a test that gives its client a
/// deliberately short timeout (on a loaded machine the first requests of a run can outlast it; what the test is
/// about comes after).
func settled<T>(_ attempts: Int = 5, _ body: () async throws -> T) async throws -> T {
    var failure: (any Error)?
    for _ in 0..<attempts {
        do { return try await body() } catch { failure = error }
    }
    throw failure!
}
