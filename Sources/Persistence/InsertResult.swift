/// What ``BarStore/insert(_:symbol:timeframe:source:)`` did.
public struct InsertResult: Sendable, Hashable, Codable {
    /// Bars whose time was new for the series.
    public var inserted: Int
    /// Bars that replaced a stored bar with the same time.
    public var updated: Int

    /// Creates a result.
    public init(inserted: Int, updated: Int) {
        self.inserted = inserted
        self.updated = updated
    }

    /// Bars written in total.
    public var total: Int { inserted + updated }
}
