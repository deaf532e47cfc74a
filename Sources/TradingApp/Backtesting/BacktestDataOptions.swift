import ArgumentParser
import Backtest
import Foundation
import MarketData
import Persistence
import TradingModel

/// Where a backtest or sweep gets its bars: CSV files, the store, or the seeded generator (the default).
struct BacktestDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "CSV file of bars (repeat for a portfolio).")
    var files: [String] = []

    @Option(help: "Symbol: the name for a single --data file, or a stored series to load.")
    var symbol: String?

    @Option(help: "Comma-separated stored symbols for a portfolio, e.g. BTC/USDT,ETH/USDT.")
    var symbols: String?

    @Option(help: "Timeframe of stored series, or of --data files (inferred from the file when omitted).")
    var timeframe: String?

    @Option(help: "First bar time to use (ISO-8601 or Unix time).")
    var from: String?

    @Option(help: "Last bar time to use (ISO-8601 or Unix time).")
    var to: String?

    @Option(help: "Generated data: number of bars (when no --data or --symbol is given).")
    var bars = 20_000

    @Option(help: "Generated data: random seed.")
    var seed: UInt64 = 42

    @Option(help: "Price grid of every instrument (default: inferred from the price level).")
    var tickSize: String?

    @Option(help: "Quantity grid of every instrument.")
    var lotSize = "0.00000001"

    @Option(help: "Minimum order value in quote currency.")
    var minNotional = "5"

    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    /// Loads every series, validated, trimmed to --from/--to.
    func load() async throws -> (series: [InstrumentSeries], timeframe: Timeframe, sources: [DataSourceDescription]) {
        let fromTime = try from.map { try DataArguments.time($0, option: "--from") }
        let toTime = try to.map { try DataArguments.time($0, option: "--to") }
        var loaded: [(symbol: String, bars: [Bar], timeframe: Timeframe, source: DataSourceDescription)] = []
        if !files.isEmpty {
            for file in files {
                let read = try CSVBarReader().read(contentsOfFile: file)
                let given = try timeframe.map { try DataArguments.timeframe($0, option: "--timeframe") }
                let report = BarValidator(timeframe: given).validate(read)
                guard report.isValid else {
                    let lines = DataArguments.issueLines(report.errors, limit: 10).joined(separator: "\n")
                    throw ValidationError("\(file) has \(report.errorCount) error(s); fix them or check the file with "
                        + "`graphwiz data validate \(file)`:\n\(lines)")
                }
                guard let tf = given ?? report.timeframe else {
                    throw ValidationError("cannot infer the timeframe of \(file); pass --timeframe")
                }
                let name = files.count == 1 ? (symbol ?? Self.symbolName(from: file)) : Self.symbolName(from: file)
                let bars = Self.sortedUnique(read.bars)
                loaded.append((name, bars, tf, DataSourceDescription(kind: "file", path: file, symbol: name, timeframe: tf)))
            }
        } else if symbol != nil || symbols != nil {
            let names = symbols.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                ?? [symbol!]
            let tf = try DataArguments.timeframe(timeframe ?? "1m", option: "--timeframe")
            let path = StoreLocation.resolve(option: db)
            let stored = try await SQLStore.withStore(path: path) { store in
                var result: [[Bar]] = []
                for name in names {
                    result.append(try await BarStore(store: store).bars(symbol: name, timeframe: tf, from: fromTime, to: toTime))
                }
                return result
            }
            for (name, bars) in zip(names, stored) {
                guard !bars.isEmpty else {
                    throw ValidationError("no \(tf) bars of \(name) in \(path); see `graphwiz data list` or import some "
                        + "with `graphwiz data import FILE --symbol \(name) --timeframe \(tf)`")
                }
                loaded.append((name, bars, tf, DataSourceDescription(kind: "store", path: path, symbol: name, timeframe: tf)))
            }
        } else {
            let tf = try DataArguments.timeframe(timeframe ?? "1h", option: "--timeframe")
            guard bars > 0 else { throw ValidationError("--bars must be positive, got \(bars)") }
            var generator = try SyntheticBarGenerator(seed: seed, timeframe: tf)
            let generated = generator.generate(count: bars)
            let name = symbol ?? "SYNTH/USDT"
            loaded.append((name, generated, tf, DataSourceDescription(kind: "generated", symbol: name, timeframe: tf,
                                                                       seed: seed, bars: bars)))
        }
        let timeframes = Set(loaded.map(\.timeframe))
        guard timeframes.count == 1, let tf = timeframes.first else {
            throw ValidationError("all series must share one timeframe; got \(timeframes.map(\.description).sorted().joined(separator: ", "))")
        }
        var series: [InstrumentSeries] = []
        var sources: [DataSourceDescription] = []
        for item in loaded {
            var bars = item.bars
            if let fromTime { bars.removeAll { $0.time < fromTime } }
            if let toTime { bars.removeAll { $0.time > toTime } }
            guard !bars.isEmpty else {
                throw ValidationError("\(item.symbol) has no bars between --from and --to")
            }
            var source = item.source
            source.from = bars.first?.time
            source.to = bars.last?.time
            sources.append(source)
            series.append(InstrumentSeries(instrument: try instrument(item.symbol, bars: bars), bars: bars))
        }
        return (series, tf, sources)
    }

    /// The trading rules used for `symbol`.
    func instrument(_ symbol: String, bars: [Bar]) throws -> Instrument {
        guard let lot = Fixed(lotSize), lot.isPositive else { throw ValidationError("--lot-size must be a positive decimal, got '\(lotSize)'") }
        guard let minimum = Fixed(minNotional), !minimum.isNegative else { throw ValidationError("--min-notional must be a decimal >= 0, got '\(minNotional)'") }
        let tick: Fixed
        if let tickSize {
            guard let t = Fixed(tickSize), t.isPositive else { throw ValidationError("--tick-size must be a positive decimal, got '\(tickSize)'") }
            tick = t
        } else {
            tick = Self.inferredTick(bars)
        }
        var name = symbol
        if !name.contains("/") { name += "/USDT" }
        return Instrument(symbol: name, tickSize: tick, lotSize: lot, minNotional: minimum, allowShort: true)
    }

    /// A tick about a millionth of the lowest price, a power of ten, at least 10^-8.
    static func inferredTick(_ bars: [Bar]) -> Fixed {
        let low = bars.lazy.map(\.low).filter { $0 > 0 }.min() ?? 1
        let exponent = max(-8, Int(floor(log10(low))) - 6)
        var raw: Int64 = 1
        for _ in 0..<(exponent + 8) { raw *= 10 }
        return Fixed(raw: raw)
    }

    /// `data/btc_usdt-1h.csv` -> `BTC/USDT`; other names are upper-cased as they are (`/USDT` is added later).
    static func symbolName(from file: String) -> String {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.uppercased()
        let parts = base.split(whereSeparator: { $0 == "_" || $0 == "-" })
        let quotes: Set<Substring> = ["USDT", "USD", "USDC", "BUSD", "EUR", "GBP", "BTC", "ETH"]
        if parts.count >= 2 && quotes.contains(parts[1]) { return "\(parts[0])/\(parts[1])" }
        return base
    }

    /// Bars in time order without duplicates (the validator has already refused conflicting duplicates).
    static func sortedUnique(_ bars: [Bar]) -> [Bar] {
        var sorted = bars
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.time < $1.time }) {
            sorted.sort { $0.time < $1.time }
            var unique: [Bar] = []
            unique.reserveCapacity(sorted.count)
            for bar in sorted where unique.last?.time != bar.time { unique.append(bar) }
            sorted = unique
        }
        return sorted
    }
}
