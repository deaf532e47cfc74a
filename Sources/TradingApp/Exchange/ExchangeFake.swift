import ArgumentParser
import Exchanges
import Foundation
import VenueFakes

/// `graphwiz exchange fake --exchange binance|kraken [--port P] [--fill-slices N]`: runs the local fake venue in the foreground
/// (for demos and end-to-end tests that drive `graphwiz` in another process). Credentials come from
/// `<VENUE>_API_KEY` and `<VENUE>_API_SECRET` (Kraken's secret is base64, as Kraken shows it); the fake accepts
/// only requests signed with them.
struct ExchangeFake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fake",
                                                    abstract: "Run a local fake venue on 127.0.0.1 until stopped.")

    @Option(help: "Venue to imitate: binance or kraken.")
    var exchange: String = "binance"

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Executions per order: 1 fills every order whole; n > 1 fills each order in n trades (partial fills).")
    var fillSlices: Int = 1

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let venue = ExchangeVenue(rawValue: exchange.lowercased()) else {
            throw ValidationError("--exchange '\(exchange)' is not a venue; expected binance or kraken")
        }
        let names = ExchangeConnectionOptions.keyVariables(venue)
        guard let key = environment[names.key], !key.isEmpty, let secret = environment[names.secret], !secret.isEmpty else {
            throw ValidationError("set \(names.key) and \(names.secret): the fake accepts requests signed with them")
        }
        guard fillSlices >= 1 else {
            throw ValidationError("--fill-slices \(fillSlices) must be at least 1 (1 fills every order whole)")
        }
        switch venue {
        case .binance:
            let server = try await FakeBinanceServer.start(apiKey: key, apiSecret: secret, port: port)
            await server.state.setFillSlices(fillSlices)
            announce("fake binance listening on \(server.baseURL) (WebSocket \(server.webSocketURL))")
            await server.wait()
        case .kraken:
            guard Data(base64Encoded: secret) != nil else {
                throw ValidationError("\(names.secret) must be base64 text, like the secrets Kraken issues")
            }
            let server = FakeKrakenServer(apiKey: key, apiSecret: secret)
            server.setFillSlices(fillSlices)
            let bound = try await server.start(port: port)
            announce("fake kraken listening on http://127.0.0.1:\(bound) (WebSocket ws://127.0.0.1:\(bound)/v2)")
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            await server.stop()
        }
    }

    private func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
