/// Detects sign changes of a difference series (a line crossing another), ignoring undefined (NaN) values.
///
/// A cross up is reported on the first bar where the difference is > 0 after a bar where it was <= 0 (both
/// defined); a cross down is the mirror image. Undefined values reset nothing and report nothing.
public struct CrossDetector: Sendable {
    public enum Cross: Sendable { case up, down, none }
    @usableFromInline var previous = Double.nan

    public init() {}

    /// - Complexity: O(1).
    @inlinable public mutating func update(_ difference: Double) -> Cross {
        defer { if !difference.isNaN { previous = difference } }
        guard !difference.isNaN, !previous.isNaN else { return .none }
        if difference > 0 && previous <= 0 { return .up }
        if difference < 0 && previous >= 0 { return .down }
        return .none
    }

    /// Batch form over two aligned series: +1 for a cross up of `a` over `b`, -1 for a cross down, 0 otherwise.
    public static func signals(_ a: [Double], _ b: [Double]) -> [Int8] {
        var out = [Int8](repeating: 0, count: a.count)
        var detector = CrossDetector()
        for i in 0..<a.count {
            switch detector.update(a[i] - b[i]) {
            case .up: out[i] = 1
            case .down: out[i] = -1
            case .none: break
            }
        }
        return out
    }
}
