/// Rolling Pearson correlation of bar-to-bar returns between instruments, fed from mark prices.
///
/// Each instrument keeps a fixed ring of its last `window` simple returns; the i-th return of every
/// instrument is assumed to belong to the same timestamp (true when the instruments share a bar clock).
/// - Complexity: `record` is O(1) and allocation free; `correlation` is O(window).
public struct RollingCorrelation: Sendable {
    public let window: Int
    var returns: [Double]
    var lastPrice: [Double]
    var count: [Int]
    var head: [Int]

    /// A tracker for `instruments` instruments over the last `window` returns.
    public init(instruments: Int, window: Int) {
        self.window = window
        self.returns = Array(repeating: 0, count: instruments * window)
        self.lastPrice = Array(repeating: 0, count: instruments)
        self.count = Array(repeating: 0, count: instruments)
        self.head = Array(repeating: 0, count: instruments)
    }

    /// Records a new price of `instrument` (its return against the previous price enters the window).
    public mutating func record(_ instrument: Int, price: Double) {
        let previous = lastPrice[instrument]
        lastPrice[instrument] = price
        guard previous > 0, price > 0 else { return }
        returns[instrument * window + head[instrument]] = price / previous - 1
        head[instrument] = (head[instrument] + 1) % window
        if count[instrument] < window { count[instrument] += 1 }
    }

    /// Correlation of the last common returns of `a` and `b`, or nil with fewer than 3 common returns or a
    /// flat series.
    public func correlation(_ a: Int, _ b: Int) -> Double? {
        let n = Swift.min(count[a], count[b])
        guard n >= 3 else { return nil }
        var sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        for k in 1...n {
            let x = returns[a * window + (head[a] - k + window) % window]
            let y = returns[b * window + (head[b] - k + window) % window]
            sa += x; sb += y; saa += x * x; sbb += y * y; sab += x * y
        }
        let m = Double(n)
        let cov = sab - sa * sb / m
        let va = saa - sa * sa / m
        let vb = sbb - sb * sb / m
        guard va > 0, vb > 0 else { return nil }
        return cov / (va * vb).squareRoot()
    }
}
