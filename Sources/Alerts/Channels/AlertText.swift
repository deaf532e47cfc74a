import Foundation

/// The human text of a notification, shared by every channel.
enum AlertText {
    /// `[FIRING] GraphwizDrawdownHigh` or `[RESOLVED] GraphwizExchangeDisconnected{exchange=binance}`.
    static func title(_ alert: Alert) -> String {
        "[\(alert.status.rawValue.uppercased())] \(alert.key)"
    }

    /// `[FIRING] GraphwizDrawdownHigh (critical): drawdown 18.00% reached the limit 15.00%`.
    static func line(_ alert: Alert) -> String {
        "\(title(alert)) (\(alert.severity.rawValue)): \(alert.summary)"
    }

    /// ISO-8601 UTC with seconds, e.g. `2026-11-25T01:30:00Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// The plain-text body of an email or a long message.
    static func body(_ alert: Alert) -> String {
        var lines = [
            "\(alert.name) is \(alert.status.rawValue.uppercased()) (\(alert.severity.rawValue))",
            alert.summary,
            "",
            "value: \(alert.value)",
            "threshold: \(alert.threshold)",
        ]
        if !alert.labels.isEmpty {
            lines.append("labels: " + alert.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        lines.append("started: \(iso(alert.startsAt))")
        lines.append("at: \(iso(alert.at))")
        return lines.joined(separator: "\n")
    }

    /// JSON with sorted keys (stable payloads).
    static func json<T: Encodable>(_ value: T, channel: String) throws(AlertDeliveryError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(value) } catch {
            throw AlertDeliveryError(channel: channel, kind: .configuration, message: "cannot encode the payload: \(error)",
                                     isRetryable: false)
        }
    }
}
