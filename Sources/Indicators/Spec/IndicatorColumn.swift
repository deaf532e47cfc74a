/// One named output column of an indicator over a bar series, e.g. `sma_20` or `macd_signal_12_26_9`.
///
/// `values` has one entry per bar; undefined entries (the warm-up) are NaN.
public struct IndicatorColumn: Sendable {
    /// Column name: indicator output, then parameters joined by `_`.
    public let name: String
    /// One value per bar; NaN where undefined.
    public let values: [Double]

    /// Creates a column.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
