/// Splits raw CSV bytes into records and fields without allocating per record.
///
/// Handles a UTF-8 byte order mark, CRLF and LF line ends, quoted fields (delimiters and line breaks inside
/// quotes are data) and counts physical lines so every record knows its 1-based starting line.
struct CSVRecordScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private var nextLine = 1
    let delimiter: UInt8
    /// Start and end offsets of the current record's fields (reused between records).
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// Number of fields in the current record.
    private(set) var fieldCount = 0
    /// 1-based line on which the current record starts.
    private(set) var line = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        position = start
        delimiter = CSVRecordScanner.sniffDelimiter(bytes, from: start)
        starts.reserveCapacity(16)
        ends.reserveCapacity(16)
    }

    /// Comma, unless the first line has no comma but semicolons or tabs.
    private static func sniffDelimiter(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt8 {
        var semicolons = 0
        var tabs = 0
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            switch bytes[i] {
            case UInt8(ascii: ","): return UInt8(ascii: ",")
            case UInt8(ascii: ";"): semicolons += 1
            case UInt8(ascii: "\t"): tabs += 1
            default: break
            }
            i += 1
        }
        if semicolons > 0 { return UInt8(ascii: ";") }
        if tabs > 0 { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    /// Advances to the next record; false at the end of the input.
    ///
    /// - Complexity: O(record length); no allocation once the field buffers have grown to the widest row.
    mutating func next() -> Bool {
        let end = bytes.count
        guard position < end else { return false }
        line = nextLine
        fieldCount = 0
        var fieldStart = position
        var inQuotes = false
        var i = position
        while i < end {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    inQuotes = false
                } else if b == UInt8(ascii: "\n") {
                    nextLine += 1
                }
            } else if b == delimiter {
                appendField(fieldStart, i)
                fieldStart = i + 1
            } else if b == UInt8(ascii: "\n") {
                break
            } else if b == UInt8(ascii: "\"") {
                inQuotes = true
            }
            i += 1
        }
        var fieldEnd = i
        if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
        appendField(fieldStart, fieldEnd)
        nextLine += 1
        position = i + 1
        return true
    }

    private mutating func appendField(_ start: Int, _ end: Int) {
        if fieldCount < starts.count {
            starts[fieldCount] = start
            ends[fieldCount] = end
        } else {
            starts.append(start)
            ends.append(end)
        }
        fieldCount += 1
    }

    /// The bytes of field `index` with surrounding spaces, tabs and one pair of quotes removed.
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        var start = starts[index]
        var end = ends[index]
        trim(&start, &end)
        if end - start >= 2, bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") {
            start += 1
            end -= 1
            trim(&start, &end)
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The field as a String (for headers and messages only).
    func text(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// True when every field of the current record is empty after trimming.
    var isBlank: Bool {
        for k in 0..<fieldCount where field(k).count > 0 { return false }
        return true
    }

    private func trim(_ start: inout Int, _ end: inout Int) {
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
            || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    }
}
