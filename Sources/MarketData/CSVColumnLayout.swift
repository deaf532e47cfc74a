/// Which field of a row holds which bar value (`volume` is -1 when the file has none).
struct CSVColumnLayout: Sendable, Equatable {
    var time: Int
    var open: Int
    var high: Int
    var low: Int
    var close: Int
    var volume: Int
    /// Display names of the columns, by field index (the header's own spelling when there is one).
    var names: [String]

    /// The fewest fields a row needs to fill every mapped column.
    var requiredFieldCount: Int { max(time, open, high, low, close, volume) + 1 }

    /// The layout of headerless CCXT and Binance rows: time, open, high, low, close, volume first.
    static func headerless(fieldCount: Int) -> CSVColumnLayout {
        var names = ["time", "open", "high", "low", "close", "volume"]
        if fieldCount == 12 {
            names += ["close_time", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ignore"]
        }
        return CSVColumnLayout(time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, names: names)
    }

    private static let timeNames: Set<String> = [
        "time", "timestamp", "date", "datetime", "date_time", "open_time", "opentime", "open time",
        "ts", "t", "unix", "time_ms", "timestamp_ms",
    ]

    /// Maps a header row. Returns the names of missing columns instead when the header is unusable.
    static func fromHeader(_ header: [String]) -> Result<CSVColumnLayout, MissingColumns> {
        let normalized = header.map { $0.lowercased() }
        func index(of names: Set<String>) -> Int? { normalized.firstIndex { names.contains($0) } }
        var time = index(of: timeNames)
        if time == nil, normalized.first == "" { time = 0 }
        let open = index(of: ["open", "o", "open_price"])
        let high = index(of: ["high", "h", "high_price"])
        let low = index(of: ["low", "l", "low_price"])
        let close = index(of: ["close", "c", "close_price"])
        let volume = index(of: ["volume", "vol", "v", "base_volume"])
            ?? normalized.firstIndex { $0.hasPrefix("volume") }
        var missing: [String] = []
        if time == nil { missing.append("time") }
        if open == nil { missing.append("open") }
        if high == nil { missing.append("high") }
        if low == nil { missing.append("low") }
        if close == nil { missing.append("close") }
        guard let time, let open, let high, let low, let close else { return .failure(MissingColumns(names: missing)) }
        return .success(CSVColumnLayout(time: time, open: open, high: high, low: low, close: close,
                                        volume: volume ?? -1, names: header))
    }

    /// The columns a header lacks.
    struct MissingColumns: Error {
        var names: [String]
    }
}
