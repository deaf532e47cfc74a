import Foundation
import TradingModel

/// Writes bars as CSV that ``CSVBarReader`` (and pandas) re-import identically.
///
/// Header `time,open,high,low,close,volume`; time as ISO-8601 UTC (`2024-01-01T00:00:00Z`, milliseconds only
/// when not zero); numbers in Swift's shortest round-trip form without a trailing `.0` (`30000`, `30000.25`,
/// `1e-05`), so every `Double` reads back bit for bit.
public struct CSVBarWriter: Sendable {
    /// A writer with the `time,open,high,low,close,volume` layout.
    public init() {}

    /// The CSV text for `bars`, LF line ends, header first.
    ///
    /// - Complexity: O(n).
    public func csv(_ bars: [Bar]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32 + bars.count * 72)
        out.append(contentsOf: "time,open,high,low,close,volume\n".utf8)
        for bar in bars {
            out.append(contentsOf: UTCTimestamp.iso8601(bar.time).utf8)
            Self.append(bar.open, to: &out)
            Self.append(bar.high, to: &out)
            Self.append(bar.low, to: &out)
            Self.append(bar.close, to: &out)
            Self.append(bar.volume, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `bars` to `path`, creating missing parent directories and replacing an existing file.
    ///
    /// - Throws: ``MarketDataError/unwritableFile(path:reason:)``.
    public func write(_ bars: [Bar], toFile path: String) throws(MarketDataError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(csv(bars).utf8).write(to: url, options: .atomic)
        } catch {
            throw .unwritableFile(path: path, reason: error.localizedDescription)
        }
    }

    private static func append(_ value: Double, to out: inout [UInt8]) {
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: format(value).utf8)
    }

    /// Shortest text that parses back to exactly `value` (`30000`, `0.1`, `1e-05`, `nan`).
    public static func format(_ value: Double) -> String {
        let text = value.description
        if text.hasSuffix(".0") { return String(text.dropLast(2)) }
        return text
    }
}
