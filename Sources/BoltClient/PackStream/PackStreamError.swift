/// A PackStream encoding or decoding failure; the message names the byte offset, the bad value and
/// what was expected.
public struct PackStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The input ended before the value was complete.
        case truncated
        /// A byte that is not a PackStream marker.
        case unknownMarker
        /// A structure tag this client does not know.
        case unknownStructure
        /// A structure with the wrong number of fields.
        case wrongFieldCount
        /// A field or map key of the wrong type.
        case wrongType
        /// A string that is not valid UTF-8.
        case invalidUTF8
        /// Nesting deeper than the decoder allows.
        case tooDeep
        /// A value too large to encode (e.g. a structure with more than 15 fields).
        case tooLarge
    }

    /// The failure category.
    public var kind: Kind
    /// Byte offset in the message where the problem was found (for encoding: -1).
    public var offset: Int
    /// Human-readable detail: the bad value and what was expected.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, offset: Int, _ detail: String) {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    /// `PackStream: <detail> (at byte offset N)`.
    public var description: String {
        offset >= 0 ? "PackStream: \(detail) (at byte offset \(offset))" : "PackStream: \(detail)"
    }
}
