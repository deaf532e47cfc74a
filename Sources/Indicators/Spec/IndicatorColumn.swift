/// One named output column of an indicator over a bar series, e.g. `sma_20` or `macd_signal_12_26_9`.
///
/// `values` has one entry per bar; undefined entries (the warm-up) are NaN.
public struct IndicatorColumn: Sendable {
    public let name: String
    public let values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
