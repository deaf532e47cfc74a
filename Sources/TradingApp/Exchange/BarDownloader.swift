import Exchanges
import MarketData
import Persistence
import TradingModel

/// Downloads a venue's bar history into the BarStore page by page: resumable (starts after the last stored bar
/// when the stored series begins at or before `from` and ends inside the range; otherwise fetches the whole range
/// and upserts), validated with ``BarValidator`` (a page with errors stops the
/// download; gaps are reported), and committed page by page so an interrupted download keeps what it got.
struct BarDownloader {
    /// Where the bars come from.
    let source: any HistoricalBarSource
    /// Where they go.
    let store: BarStore

    /// What a download did.
    struct Summary: Equatable {
        var requests = 0
        var stored = 0
        var resumedFrom: Int64?
        var first: Int64?
        var last: Int64?
        var gaps = 0
        var missingBars: Int64 = 0
    }

    /// A page the venue sent failed validation.
    struct InvalidPage: Error, CustomStringConvertible {
        var description: String
    }

    /// Downloads bars of `symbol` opening in `[from, to]`; a page shorter than the venue's maximum ends the
    /// download (the venue has nothing more yet).
    func download(symbol: String, timeframe: Timeframe, from: Int64, to: Int64,
                  progress: (Summary) -> Void = { _ in }) async throws -> Summary {
        var summary = Summary()
        var start = from
        let existing = try await store.series().first { $0.symbol == symbol && $0.timeframe == timeframe }
        if let first = existing?.first, first <= from, let last = existing?.last, last >= from, last < to {
            start = last + timeframe.milliseconds
            summary.resumedFrom = start
        } else if let last = existing?.last, last >= to, let first = existing?.first, first <= from {
            return summary
        }
        var previous: Bar? = nil
        if summary.resumedFrom != nil, let last = existing?.last {
            previous = try await store.bars(symbol: symbol, timeframe: timeframe, from: last, to: last).last
        }
        let label = "\(source.venueName) \(symbol) \(timeframe)"
        while start <= to {
            let page = try await source.bars(symbol: symbol, timeframe: timeframe, from: start, to: to,
                                             limit: source.maxBarsPerRequest)
            summary.requests += 1
            guard !page.isEmpty else { break }
            let joined = (previous.map { [$0] } ?? []) + page
            let report = BarValidator(timeframe: timeframe).validate(joined, file: label)
            guard report.isValid else {
                throw InvalidPage(description: "\(label): page from \(UTCTimestamp.iso8601(start)) failed validation: "
                    + report.errors.prefix(3).map { "\($0)" }.joined(separator: "; "))
            }
            summary.gaps += report.gapCount
            summary.missingBars += report.missingBars
            _ = try await store.insert(page, symbol: symbol, timeframe: timeframe, source: source.venueName)
            summary.stored += page.count
            summary.first = summary.first ?? page[0].time
            summary.last = page[page.count - 1].time
            previous = page[page.count - 1]
            progress(summary)
            let next = page[page.count - 1].time + timeframe.milliseconds
            guard next > start, page.count >= source.maxBarsPerRequest else { break }
            start = next
        }
        return summary
    }
}
