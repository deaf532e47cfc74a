import TradingModel

extension UTCTimestamp {
    /// Parses an ISO-8601 date or date-time (see ``TimeParser``) or a Unix timestamp in seconds,
    /// milliseconds or microseconds, returning Unix milliseconds, or nil when the text is not a time.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { TimeParser.parse(UnsafeRawBufferPointer($0)) }
    }
}
