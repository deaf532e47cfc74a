import TradingModel

/// What ``CSVBarReader`` found in one file: the bars in file order, where each came from, and the rows it
/// could not read.
public struct CSVReadResult: Sendable {
    /// File name used in messages.
    public var file: String
    /// The layout that was recognised.
    public var format: CSVFormat
    /// Parsed bars in the order of the file (not sorted, not deduplicated).
    public var bars: [Bar]
    /// `lines[i]` is the 1-based line of `bars[i]` in the file.
    public var lines: [Int]
    /// Rows or fields that could not be parsed (always errors); those rows are not in `bars`.
    public var problems: [ValidationIssue]
    /// Whether the file had a volume column (volume is 0 otherwise).
    public var hasVolume: Bool

    /// Creates a result from its parts (readers build these).
    public init(file: String, format: CSVFormat, bars: [Bar], lines: [Int], problems: [ValidationIssue],
                hasVolume: Bool) {
        self.file = file
        self.format = format
        self.bars = bars
        self.lines = lines
        self.problems = problems
        self.hasVolume = hasVolume
    }
}
