/// What produced a stored run: `backtest` or `sweep` (open for later kinds such as walk-forward studies).
public struct RunKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stored text, e.g. `backtest`.
    public var rawValue: String

    /// A kind from its stored text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A single backtest.
    public static let backtest = RunKind(rawValue: "backtest")
    /// A parameter sweep (many backtests).
    public static let sweep = RunKind(rawValue: "sweep")
    /// A paper-trading session (live market data, simulated venue), judged by the promotion gate.
    public static let paper = RunKind(rawValue: "paper")
    /// A live-trading session at a capital ladder step, judged by the promotion gate.
    public static let live = RunKind(rawValue: "live")

    /// Two-letter prefix of run ids: `bt` for backtests, `sw` for sweeps, else the first two letters.
    public var idPrefix: String {
        switch self {
        case .backtest: return "bt"
        case .sweep: return "sw"
        case .paper: return "pp"
        default: return String(rawValue.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(2))
        }
    }

    /// The stored text.
    public var description: String { rawValue }
}
