import Foundation
import ServiceLifecycle
import TradingAPI
import TradingModel

/// Moves the demo account's marks on a seeded random walk every `interval` and, every tenth tick, lets a
/// toy "momentum" agent buy or sell a little BTC and record its decision, so the dashboard has live data.
struct DemoFeeder: Service {
    let control: InMemoryTradingControl
    let interval: Duration
    let seed: UInt64

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var random = SplitMix64(seed: seed)
            var prices: [String: Double] = ["BTC/USDT": 50_000, "ETH/USDT": 2_500]
            var history: [Double] = []
            var tick = 0
            while !Task.isCancelled {
                for symbol in prices.keys.sorted() {
                    let step = (Double(random.next() % 2001) - 1000) / 1000 * 0.002
                    prices[symbol]! *= 1 + step
                    try? await control.mark(symbol: symbol, price: Fixed((prices[symbol]! * 100).rounded() / 100))
                }
                history.append(prices["BTC/USDT"]!)
                tick += 1
                if tick % 10 == 0, history.count >= 10 {
                    await trade(momentum: history[history.count - 1] - history[history.count - 10], tick: tick)
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    func trade(momentum: Double, tick: Int) async {
        let side: OrderSide = momentum >= 0 ? .buy : .sell
        let request = OrderRequest(clientOrderId: "demo-\(tick)", symbol: "BTC/USDT", side: side, quantity: Fixed("0.02")!,
                                   tag: "demo momentum")
        let placed = (try? await control.placeOrder(request)) != nil
        await control.record(decision: AgentDecision(
            time: Int64(Date().timeIntervalSince1970 * 1000), agent: "demo-momentum", symbol: "BTC/USDT", action: placed ? side.rawValue : "hold",
            confidence: min(1, abs(momentum) / 500),
            rationale: "10-tick change \(Int(momentum)) USDT" + (placed ? "" : "; order refused")))
    }
}

/// A tiny deterministic generator (SplitMix64) for the demo's random walk.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
