import TradingModel

extension Timeframe {
    /// Offset of the first Monday 00:00 UTC after the Unix epoch (1970-01-05), in ms: weekly buckets start
    /// on Mondays, as on exchanges.
    public static let mondayEpochOffset: Int64 = 4 * 86_400_000

    /// Open time (Unix ms) of the bucket of this timeframe that contains `time`.
    ///
    /// Buckets are aligned to whole multiples of the timeframe since the Unix epoch (UTC); timeframes that are
    /// whole weeks are aligned to Mondays 00:00 UTC instead.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func bucketStart(containing time: Int64) -> Int64 {
        let size = milliseconds
        let offset = seconds % 604_800 == 0 ? Timeframe.mondayEpochOffset : 0
        let shifted = time - offset
        var start = shifted - shifted % size
        if shifted % size < 0 { start -= size }
        return start + offset
    }
}
