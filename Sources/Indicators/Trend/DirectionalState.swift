/// The directional-movement recursion behind `ADX`, in TA-Lib's operation order; shared by the
/// streaming and batch forms (one O(1) step per bar).
struct DirectionalState: Sendable {
    let period: Int
    private var previousHigh = 0.0
    private var previousLow = 0.0
    private var previousClose = 0.0
    private var steps = -1
    private var plusDM = 0.0
    private var minusDM = 0.0
    private var trueRange = 0.0
    private var dxTotal = 0.0
    private var adx = Double.nan

    init(period: Int) {
        self.period = period
    }

    mutating func advance(high: Double, low: Double, close: Double) -> ADX.Output {
        steps += 1
        defer {
            previousHigh = high
            previousLow = low
            previousClose = close
        }
        guard steps > 0 else { return .undefined }
        let up = high - previousHigh
        let down = previousLow - low
        let range = PriceMath.trueRange(high: high, low: low, previousClose: previousClose)
        let n = Double(period)
        if steps < period {
            if down > 0 && up < down {
                minusDM += down
            } else if up > 0 && up > down {
                plusDM += up
            }
            trueRange += range
            return .undefined
        }
        minusDM -= minusDM / n
        plusDM -= plusDM / n
        if down > 0 && up < down {
            minusDM += down
        } else if up > 0 && up > down {
            plusDM += up
        }
        trueRange = trueRange - trueRange / n + range
        var plusDI = 0.0
        var minusDI = 0.0
        var dx = Double.nan
        if trueRange != 0 {
            minusDI = 100.0 * (minusDM / trueRange)
            plusDI = 100.0 * (plusDM / trueRange)
            let sum = minusDI + plusDI
            if sum != 0 { dx = 100.0 * (abs(minusDI - plusDI) / sum) }
        }
        if steps < 2 * period {
            if !dx.isNaN { dxTotal += dx }
            if steps == 2 * period - 1 { adx = dxTotal / n }
        } else if !dx.isNaN {
            adx = (adx * (n - 1) + dx) / n
        }
        return ADX.Output(adx: adx, plusDI: plusDI, minusDI: minusDI)
    }
}
