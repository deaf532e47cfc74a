import ArgumentParser
import Exchanges
import Foundation
import TradingModel
import VenueFakes

/// `graphwiz exchange fake --exchange binance|kraken [--port P] [--fill-slices N] [--bnb-fees PRICE] [--balance A=N ...]`:
/// runs the local fake venue in the foreground
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

    @Option(help: ArgumentHelp("Binance only: pay commissions in BNB (25% off) at this BNB price in the quote asset, while the account holds BNB.",
                               valueName: "price"))
    var bnbFees: String?

    @Option(name: .customLong("balance"),
            help: ArgumentHelp("Starting balance of an asset as the venue names it (BNB=10, USDT=5000, ZUSD=1000); repeatable.",
                               valueName: "asset=amount"))
    var balances: [String] = []

    func validate() throws {
        _ = try bnbFeePrice()
        _ = try startingBalances()
    }

    /// The `--balance` options as (asset, amount).
    /// - Throws: `ValidationError` naming the option and what is expected.
    func startingBalances() throws -> [(asset: String, amount: Fixed)] {
        try balances.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let amount = Fixed(parts[1]), !amount.isNegative else {
                throw ValidationError("--balance '\(text)' must be ASSET=AMOUNT with an amount of zero or more, e.g. BNB=10")
            }
            return (parts[0].uppercased(), amount)
        }
    }

    /// The BNB price of `--bnb-fees`, nil without it.
    /// - Throws: `ValidationError` naming the option when it is not a positive price or the venue is not Binance.
    func bnbFeePrice() throws -> Fixed? {
        guard let bnbFees else { return nil }
        guard exchange.lowercased() == "binance" else {
            throw ValidationError("--bnb-fees is a Binance setting; --exchange is \(exchange)")
        }
        guard let price = Fixed(bnbFees), price.isPositive else {
            throw ValidationError("--bnb-fees must be a positive price (BNB in the quote asset, e.g. 600), got '\(bnbFees)'")
        }
        return price
    }

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
        let bnb = try bnbFeePrice()
        let starting = try startingBalances()
        switch venue {
        case .binance:
            let server = try await FakeBinanceServer.start(apiKey: key, apiSecret: secret, port: port)
            await server.state.setFillSlices(fillSlices)
            if let bnb { await server.state.setBNBFees(price: bnb) }
            for (asset, amount) in starting { await server.state.setBalance(asset, amount) }
            announce("fake binance listening on \(server.baseURL) (WebSocket \(server.webSocketURL))")
            await Self.serveUntilSignalled { await server.stop() }
        case .kraken:
            guard Data(base64Encoded: secret) != nil else {
                throw ValidationError("\(names.secret) must be base64 text, like the secrets Kraken issues")
            }
            let server = FakeKrakenServer(apiKey: key, apiSecret: secret)
            server.setFillSlices(fillSlices)
            for (asset, amount) in starting { server.setBalance(amount, asset: asset) }
            let bound = try await server.start(port: port)
            announce("fake kraken listening on http://127.0.0.1:\(bound) (WebSocket ws://127.0.0.1:\(bound)/v2)")
            await Self.serveUntilSignalled { await server.stop() }
        }
    }

    /// Waits for SIGINT or SIGTERM (or the task's cancellation), then runs `stop` (a graceful shutdown), so the
    /// process exits 0.
    static func serveUntilSignalled(_ stop: @escaping @Sendable () async -> Void) async {
        let (signalled, signal) = AsyncStream.makeStream(of: Void.self)
        let stopper = SignalStopper(signals: [SIGINT, SIGTERM]) { signal.finish() }
        defer { stopper.cancel() }
        await withTaskCancellationHandler {
            for await _ in signalled {}
        } onCancel: {
            signal.finish()
        }
        await stop()
    }

    private func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
