import Foundation

/// An RFC 5322 plain-text message for one alert, ready for the DATA step: CRLF line endings, dot-stuffed,
/// ending in `CRLF.CRLF`.
enum SMTPMessage {
    /// The message text with headers From, To, Subject, Date, Message-ID, MIME-Version, Content-Type and
    /// Content-Transfer-Encoding, then the body.
    static func render(_ alert: Alert, from: String, to: [String], subjectPrefix: String) -> String {
        let subject = subjectPrefix.isEmpty ? AlertText.title(alert) : "\(subjectPrefix) \(AlertText.title(alert))"
        let headers = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(subject)",
            "Date: \(rfc5322Date(alert.at))",
            "Message-ID: <\(messageID(alert))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let text = (headers + [""] + AlertText.body(alert).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return dotStuffed(text) + "\r\n.\r\n"
    }

    /// Lines joined by CRLF, each line starting with `.` given one more `.` (RFC 5321 4.5.2).
    static func dotStuffed(_ lines: [String]) -> String {
        lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    /// `Wed, 25 Nov 2026 01:30:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// A stable id: `GraphwizDrawdownHigh.firing.1764034200@graphwiz`, label values included.
    static func messageID(_ alert: Alert) -> String {
        let labels = alert.labels.sorted { $0.key < $1.key }.map { $0.value.filter { $0.isLetter || $0.isNumber || $0 == "-" } }
        return ([alert.name] + labels + [alert.status.rawValue, "\(Int(alert.at.timeIntervalSince1970))"]).joined(separator: ".") + "@graphwiz"
    }
}
