/// Pearson correlation of simple returns between price series aligned on timestamps.
public enum ReturnCorrelation {
    /// Pearson's r of two equal-length samples, or nil when shorter than 2 or either has zero variance.
    /// - Complexity: O(n), no allocation.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = min(x.count, y.count)
        guard n >= 2 else { return nil }
        var meanX = 0.0, meanY = 0.0
        for i in 0..<n { meanX += x[i]; meanY += y[i] }
        meanX /= Double(n)
        meanY /= Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            let dx = x[i] - meanX, dy = y[i] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Simple returns `close[t] / close[t-1] - 1` over the last `window` returns of the timestamps both series
    /// share, for each series. Returns nil when fewer than 2 shared returns exist.
    /// - Complexity: O(a + b).
    public static func alignedReturns(_ a: [(time: Int64, close: Double)], _ b: [(time: Int64, close: Double)],
                                      window: Int) -> (a: [Double], b: [Double])? {
        var closesA: [Double] = [], closesB: [Double] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i].time == b[j].time {
                closesA.append(a[i].close)
                closesB.append(b[j].close)
                i += 1
                j += 1
            } else if a[i].time < b[j].time {
                i += 1
            } else {
                j += 1
            }
        }
        guard closesA.count >= 3 else { return nil }
        let start = max(1, closesA.count - window)
        var returnsA: [Double] = [], returnsB: [Double] = []
        returnsA.reserveCapacity(closesA.count - start)
        returnsB.reserveCapacity(closesA.count - start)
        for k in start..<closesA.count {
            returnsA.append(closesA[k] / closesA[k - 1] - 1)
            returnsB.append(closesB[k] / closesB[k - 1] - 1)
        }
        return (returnsA, returnsB)
    }
}
