import ArgumentParser
import Foundation
import VenueFakes

/// `graphwiz exchange fake --exchange binance [--port P]`: runs the local fake venue in the foreground (for demos
/// and end-to-end tests that drive `graphwiz` in another process). Credentials come from BINANCE_API_KEY and
/// BINANCE_API_SECRET; the fake accepts only requests signed with them.
struct ExchangeFake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fake",
                                                    abstract: "Run a local fake venue on 127.0.0.1 until stopped.")

    @Option(help: "Venue to imitate: binance.")
    var exchange: String = "binance"

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard exchange.lowercased() == "binance" else {
            throw ValidationError("--exchange '\(exchange)': only binance has a fake in this build")
        }
        guard let key = environment["BINANCE_API_KEY"], !key.isEmpty,
              let secret = environment["BINANCE_API_SECRET"], !secret.isEmpty else {
            throw ValidationError("set BINANCE_API_KEY and BINANCE_API_SECRET: the fake accepts requests signed with them")
        }
        let server = try await FakeBinanceServer.start(apiKey: key, apiSecret: secret, port: port)
        let line = "fake binance listening on \(server.baseURL) (WebSocket \(server.webSocketURL))\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        await server.wait()
    }
}
