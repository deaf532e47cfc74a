import Foundation

/// Reads events from JSON or CSV (chosen by the first non-blank character: `[` means JSON).
///
/// JSON: `[{"id": "e1", "time": "2024-01-10T21:00:00Z", "kind": "news", "title": "...",
/// "impacts": [{"target": "BTC", "direction": "up", "magnitude": 0.8}]}]`.
/// CSV: header `id,time,kind,title,target,direction,magnitude`, one row per impact (rows with the same id are
/// one event; RFC 4180 quoting). `time` is ISO-8601 (`2024-01-10`, `2024-01-10T21:00:00Z`) or Unix seconds or
/// milliseconds; `target` is an asset code (`BTC`) or a market id (`binance:BTCUSDT`); `direction` is up, down
/// or neutral; `magnitude` is from 0 to 1.
public enum MarketEventImport {
    /// The CSV header.
    public static let csvColumns = ["id", "time", "kind", "title", "target", "direction", "magnitude"]

    /// Parses `text`; `source` (the file name) prefixes every error.
    /// - Throws: ``GraphError/invalidInput(source:line:field:value:expected:)`` naming line and field.
    public static func parse(_ text: String, source: String) throws -> [MarketEvent] {
        let trimmed = text.drop { $0.isWhitespace }
        return trimmed.first == "[" ? try parseJSON(text, source: source) : try parseCSV(text, source: source)
    }

    /// A time as Unix ms: ISO-8601 date or date-time, or an integer (seconds below 10¹¹, else milliseconds).
    public static func time(_ text: String) -> Int64? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let number = Int64(value) { return number < 100_000_000_000 ? number * 1000 : number }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
                                                      [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: value) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    private struct JSONEvent: Decodable {
        struct Impact: Decodable {
            var target: String?
            var direction: String?
            var magnitude: Double?
        }
        var id: String?
        var time: Flexible?
        var kind: String?
        var title: String?
        var impacts: [Impact]?
    }

    /// A string or a number.
    private enum Flexible: Decodable {
        case text(String)
        case number(Int64)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { self = .number(number) } else {
                self = .text(try container.decode(String.self))
            }
        }
        var text: String {
            switch self {
            case .text(let value): value
            case .number(let value): String(value)
            }
        }
    }

    static func parseJSON(_ text: String, source: String) throws -> [MarketEvent] {
        let decoded: [JSONEvent]
        do {
            decoded = try JSONDecoder().decode([JSONEvent].self, from: Data(text.utf8))
        } catch {
            throw GraphError.invalidInput(source: source, line: 0, field: "JSON", value: "\(error)".prefix(160).description,
                                          expected: "an array of {id, time, kind, title, impacts: [{target, direction, magnitude}]}")
        }
        var events: [MarketEvent] = []
        for (index, raw) in decoded.enumerated() {
            let field = { (name: String) in "events[\(index)].\(name)" }
            let id = try required(raw.id, source: source, line: 0, field: field("id"))
            let timeText = raw.time?.text ?? ""
            guard let time = time(timeText) else {
                throw GraphError.invalidInput(source: source, line: 0, field: field("time"), value: timeText,
                                              expected: "ISO-8601 or Unix time")
            }
            var event = MarketEvent(id: id, time: time, kind: raw.kind ?? "custom", title: raw.title ?? "", impacts: [])
            for (position, impact) in (raw.impacts ?? []).enumerated() {
                event.impacts.append(try self.impact(
                    target: impact.target ?? "", direction: impact.direction ?? "",
                    magnitude: impact.magnitude.map { "\($0)" } ?? "", source: source, line: 0,
                    field: { field("impacts[\(position)].\($0)") }))
            }
            events.append(event)
        }
        return events
    }

    static func parseCSV(_ text: String, source: String) throws -> [MarketEvent] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first else { return [] }
        let header = try fields(headerLine, source: source, line: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [String: Int] = [:]
        for name in csvColumns {
            guard let index = header.firstIndex(of: name) else {
                throw GraphError.invalidInput(source: source, line: 1, field: "header", value: headerLine,
                                              expected: "the columns \(csvColumns.joined(separator: ","))")
            }
            columns[name] = index
        }
        var events: [MarketEvent] = []
        var positions: [String: Int] = [:]
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = offset + 1
            let row = try fields(line, source: source, line: number)
            guard row.count == header.count else {
                throw GraphError.invalidInput(source: source, line: number, field: "row", value: "\(row.count) fields",
                                              expected: "\(header.count) fields like the header")
            }
            let value = { (name: String) in row[columns[name]!].trimmingCharacters(in: .whitespaces) }
            let id = try required(value("id"), source: source, line: number, field: "id")
            guard let time = time(value("time")) else {
                throw GraphError.invalidInput(source: source, line: number, field: "time", value: value("time"),
                                              expected: "ISO-8601 or Unix time")
            }
            let impact = try self.impact(target: value("target"), direction: value("direction"),
                                         magnitude: value("magnitude"), source: source, line: number, field: { $0 })
            if let position = positions[id] {
                events[position].impacts.append(impact)
            } else {
                positions[id] = events.count
                let kind = value("kind")
                events.append(MarketEvent(id: id, time: time, kind: kind.isEmpty ? "custom" : kind, title: value("title"),
                                          impacts: [impact]))
            }
        }
        return events
    }

    private static func required(_ value: String?, source: String, line: Int, field: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw GraphError.invalidInput(source: source, line: line, field: field, value: value ?? "",
                                          expected: "a non-empty id")
        }
        return value
    }

    private static func impact(target: String, direction: String, magnitude: String, source: String, line: Int,
                               field: (String) -> String) throws -> MarketEvent.Impact {
        guard !target.isEmpty, !target.contains(where: \.isWhitespace) else {
            throw GraphError.invalidInput(source: source, line: line, field: field("target"), value: target,
                                          expected: "an asset code (BTC) or a market id (binance:BTCUSDT)")
        }
        guard MarketEvent.directions.contains(direction) else {
            throw GraphError.invalidInput(source: source, line: line, field: field("direction"), value: direction,
                                          expected: "up, down or neutral")
        }
        guard let strength = Double(magnitude), strength >= 0, strength <= 1 else {
            throw GraphError.invalidInput(source: source, line: line, field: field("magnitude"), value: magnitude,
                                          expected: "a number from 0 to 1")
        }
        return MarketEvent.Impact(target: MarketEvent.target(target), direction: direction, magnitude: strength)
    }

    /// The fields of one CSV line (RFC 4180: double quotes, `""` inside quotes).
    static func fields(_ line: String, source: String, line number: Int) throws -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else if next == "," {
                            quoted = false
                            result.append(current)
                            current = ""
                        } else { quoted = false; current.append(next) }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "," {
                result.append(current)
                current = ""
            } else if character == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                current = ""
            } else if character != "\r" {
                current.append(character)
            }
        }
        if quoted {
            throw GraphError.invalidInput(source: source, line: number, field: "row", value: line,
                                          expected: "every opening quote to be closed on the same line")
        }
        result.append(current)
        return result
    }
}
