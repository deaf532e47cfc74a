/// A Kraken response that does not have the documented shape.
public struct KrakenDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which response (and entry) was being read, e.g. `AssetPairs.XXBTZEUR`.
    public var context: String
    /// The missing or malformed field.
    public var field: String
    /// What was found (nil when missing).
    public var value: KrakenJSON?

    public init(context: String, field: String, value: KrakenJSON?) {
        self.context = context
        self.field = field
        self.value = value
    }

    public var description: String {
        let found = value.map { "\($0)".prefix(80) } ?? "nothing"
        return "kraken: \(context): field '\(field)' is missing or malformed (found \(found)); expected the documented Kraken format"
    }
}
