/// Left-aligned plain-text columns for terminal listings.
struct DataTextTable {
    var header: [String]
    var rows: [[String]] = []

    init(header: [String]) {
        self.header = header
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The header and rows, columns padded to their widest cell and separated by two spaces.
    var lines: [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            header.indices.map { column -> String in
                let cell = column < row.count ? row[column] : ""
                guard column < header.count - 1 else { return cell }
                return cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
