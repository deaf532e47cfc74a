/// One problem found while reading or validating bars, with its file and 1-based line.
///
/// `description` reads like a compiler diagnostic: `btc.csv:17: high 99.5 is below low 100.2`.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Errors make a file unfit for import; warnings (gaps, irregular spacing) do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// What kind of problem this is, for filtering and counting.
    public enum Kind: String, Sendable, Hashable, Codable {
        case unparsableRow
        case unparsableField
        case nonFinite
        case negative
        case nonPositivePrice
        case highBelowLow
        case openOutsideRange
        case closeOutsideRange
        case duplicateTime
        case outOfOrder
        case gap
        case irregularSpacing
    }

    /// Error or warning.
    public var severity: Severity
    /// The category of the problem.
    public var kind: Kind
    /// File name as given to the reader (or a label such as `<string>`).
    public var file: String
    /// 1-based line number in the file; nil when the issue concerns no single line.
    public var line: Int?
    /// A human sentence, without the `file:line:` prefix.
    public var message: String

    /// Creates an issue.
    public init(severity: Severity, kind: Kind, file: String, line: Int?, message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` without a line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
