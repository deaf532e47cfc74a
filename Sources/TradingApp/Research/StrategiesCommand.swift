import ArgumentParser
import Strategies
import TradingCore

/// `graphwiz strategies`: the built-in strategies with their parameter spaces.
struct StrategiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategies",
        abstract: "List built-in strategies with their parameters, ranges and defaults."
    )

    func run() {
        print(Self.text())
    }

    static func text() -> String {
        var lines: [String] = []
        for type in StrategyRegistry.builtIn {
            let vectorized = type is any SignalStrategy.Type ? "  [vectorized sweeps]" : ""
            lines.append("\(type.name)\(vectorized)")
            lines.append("  \(type.summary)")
            for p in type.parameterSpace.parameters {
                lines.append("    \(p.name)=\(p.defaultValue)".padding(toLength: 28, withPad: " ", startingAt: 0)
                    + "\(p.allowed); \(p.help)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
