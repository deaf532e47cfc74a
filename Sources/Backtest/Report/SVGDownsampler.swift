import TradingModel

/// One point of a chart series.
struct SVGPoint: Hashable {
    var time: Int64
    var value: Double
}

/// Streaming min/max downsampling: splits `count` points into equal buckets and keeps, per bucket, the
/// lowest and the highest point in time order, so spikes and the global extremes survive. Series at or
/// below the cap pass through unchanged.
///
/// Feed it with ``add(time:value:)`` (no intermediate array of the full series is needed, so derived
/// curves such as drawdowns are computed on the fly), then read ``finish()``.
/// - Complexity: O(n) time, O(cap) memory; no allocation per point.
struct SVGDownsampler {
    /// Points per bucket (1 when the series fits under the cap).
    let bucketSize: Int
    private var points: [SVGPoint] = []
    private var filled = 0
    private var low = SVGPoint(time: 0, value: .infinity)
    private var high = SVGPoint(time: 0, value: -.infinity)

    /// Prepares for `count` points, emitting at most `cap` (at least 2).
    init(count: Int, cap: Int) {
        let limit = Swift.max(2, cap)
        let buckets = limit / 2
        bucketSize = count <= limit ? 1 : (count + buckets - 1) / buckets
        points.reserveCapacity(Swift.min(count, limit))
    }

    /// Adds the next point (times ascending). NaN values are skipped.
    mutating func add(time: Int64, value: Double) {
        if bucketSize == 1 {
            if !value.isNaN { points.append(SVGPoint(time: time, value: value)) }
            return
        }
        if !value.isNaN {
            if value < low.value { low = SVGPoint(time: time, value: value) }
            if value > high.value { high = SVGPoint(time: time, value: value) }
        }
        filled += 1
        if filled == bucketSize { flush() }
    }

    private mutating func flush() {
        defer {
            filled = 0
            low = SVGPoint(time: 0, value: .infinity)
            high = SVGPoint(time: 0, value: -.infinity)
        }
        guard low.value.isFinite || high.value.isFinite else { return }
        if low == high { points.append(low); return }
        if low.time <= high.time { points.append(low); points.append(high) } else { points.append(high); points.append(low) }
    }

    /// The downsampled series, in time order.
    mutating func finish() -> [SVGPoint] {
        if filled > 0 { flush() }
        return points
    }

    /// Downsamples an equity curve.
    static func downsample(_ curve: [EquityPoint], cap: Int) -> [SVGPoint] {
        var sampler = SVGDownsampler(count: curve.count, cap: cap)
        for p in curve { sampler.add(time: p.time, value: p.value) }
        return sampler.finish()
    }

    /// Merges bars into at most `cap` buckets of equal bar count: open of the first, close of the last,
    /// highest high and lowest low, volume summed, time of the first. Global highs and lows survive.
    /// - Complexity: O(n).
    static func aggregate(_ bars: [Bar], cap: Int) -> [Bar] {
        let limit = Swift.max(1, cap)
        guard bars.count > limit else { return bars }
        let size = (bars.count + limit - 1) / limit
        var out: [Bar] = []
        out.reserveCapacity(bars.count / size + 1)
        var start = 0
        while start < bars.count {
            let end = Swift.min(bars.count, start + size)
            var merged = bars[start]
            for i in (start + 1)..<end {
                let b = bars[i]
                if b.high > merged.high { merged.high = b.high }
                if b.low < merged.low { merged.low = b.low }
                merged.volume += b.volume
            }
            merged.close = bars[end - 1].close
            out.append(merged)
            start = end
        }
        return out
    }
}
