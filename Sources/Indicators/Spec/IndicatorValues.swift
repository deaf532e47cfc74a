/// The outputs of one indicator for one bar, in `IndicatorSpec.columnNames` order (at most four).
///
/// A fixed-size value: producing and reading it never allocates.
public struct IndicatorValues: Sendable, RandomAccessCollection {
    private let storage: (Double, Double, Double, Double)
    /// Number of outputs (the spec's column count).
    public let count: Int

    init(_ a: Double) { storage = (a, .nan, .nan, .nan); count = 1 }
    init(_ a: Double, _ b: Double) { storage = (a, b, .nan, .nan); count = 2 }
    init(_ a: Double, _ b: Double, _ c: Double) { storage = (a, b, c, .nan); count = 3 }
    init(_ a: Double, _ b: Double, _ c: Double, _ d: Double) { storage = (a, b, c, d); count = 4 }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// Equal to `count`.
    public var endIndex: Int { count }

    /// Output `index` (0-based, in column order).
    public subscript(index: Int) -> Double {
        precondition(index >= 0 && index < count, "IndicatorValues index \(index) out of range 0..<\(count)")
        switch index {
        case 0: return storage.0
        case 1: return storage.1
        case 2: return storage.2
        default: return storage.3
        }
    }
}
