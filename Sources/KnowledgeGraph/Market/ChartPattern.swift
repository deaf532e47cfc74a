/// A chart pattern found at one bar.
public struct ChartPattern: Sendable, Hashable, Codable {
    /// What was found.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The fast SMA crossed above the slow SMA.
        case goldenCross = "golden_cross"
        /// The fast SMA crossed below the slow SMA.
        case deathCross = "death_cross"
        /// The close rose above the highest high of the previous `breakoutWindow` bars.
        case breakoutUp = "breakout_up"
        /// The close fell below the lowest low of the previous `breakoutWindow` bars.
        case breakoutDown = "breakout_down"

        /// The direction the pattern points to (`up` or `down`).
        public var direction: String {
            switch self {
            case .goldenCross, .breakoutUp: "up"
            case .deathCross, .breakoutDown: "down"
            }
        }
    }

    /// What was found.
    public var kind: Kind
    /// Open time of the bar (Unix ms).
    public var time: Int64
    /// Close of the bar.
    public var price: Double
    /// Strength: |fast / slow − 1| after a cross; how far (as a fraction) the close passed the level on a breakout.
    public var magnitude: Double

    /// A pattern found at `time`.
    public init(kind: Kind, time: Int64, price: Double, magnitude: Double) {
        self.kind = kind
        self.time = time
        self.price = price
        self.magnitude = magnitude
    }
}
