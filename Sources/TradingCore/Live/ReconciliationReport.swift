import TradingModel

/// What reconciling the order journal with the venue found and did. Logged by the session and printed by
/// `graphwiz trade` at start.
public struct ReconciliationReport: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Venue name.
    public var venue: String
    /// Unix ms when reconciliation ran.
    public var time: Int64
    /// Unfinished journal orders that were checked against the venue.
    public var checked: Int
    /// Fills the venue reported that the journal did not have (they happened while we were down).
    public var adoptedFills: [Fill] = []
    /// Intents the venue acknowledges although the journal had no answer (sent just before a crash).
    public var acknowledged: [String] = []
    /// Intents the venue does not know: they never reached it and are marked failed (never resubmitted).
    public var failedIntents: [String] = []
    /// Orders the journal thought open that the venue has finished (canceled, expired, rejected) or no longer has.
    public var closedOut: [String] = []
    /// Orders the venue reports filled whose fills were all known but whose completion was not (a quote-quantity
    /// order whose last execution report was missed): marked filled.
    public var completed: [String] = []
    /// Orders still working at the venue, adopted by the session.
    public var stillOpen: [String] = []
    /// Orders open at the venue that this journal never sent (left alone).
    public var unknownAtVenue: [String] = []
    /// The venue says filled but some fills could not be found in its trade history.
    public var mismatches: [String] = []
    /// Account balances at reconciliation.
    public var balances: [Balance] = []
    /// The events the reconciliation recorded, in order, so a running kernel can apply them.
    public var events: [ExecutionEvent] = []

    /// An empty report.
    public init(venue: String, time: Int64, checked: Int = 0) {
        self.venue = venue
        self.time = time
        self.checked = checked
    }

    /// True when the journal and the venue already agreed.
    public var isClean: Bool {
        adoptedFills.isEmpty && acknowledged.isEmpty && failedIntents.isEmpty && closedOut.isEmpty
            && completed.isEmpty && unknownAtVenue.isEmpty && mismatches.isEmpty
    }

    /// Several lines for the log and the terminal.
    public var description: String {
        var lines = ["reconciliation with \(venue): \(checked) unfinished journal order(s) checked"
            + (isClean ? ", journal and venue agree" : "")]
        func add(_ title: String, _ ids: [String]) {
            if !ids.isEmpty { lines.append("  \(title) (\(ids.count)): \(ids.joined(separator: ", "))") }
        }
        add("fills adopted", adoptedFills.map {
            "\($0.clientOrderId) \($0.side.rawValue) \($0.quantity) @ \($0.price) fee \($0.feeAmount) \($0.feeAsset) [\($0.tradeId)]"
        })
        add("acknowledged while down", acknowledged)
        add("intents that never reached the venue, marked failed", failedIntents)
        add("closed out", closedOut)
        add("completed (the venue says filled)", completed)
        add("still open, adopted", stillOpen)
        add("open at the venue but not in the journal, left alone", unknownAtVenue)
        add("mismatches", mismatches)
        if !balances.isEmpty {
            lines.append("  balances: " + balances.map { "\($0.asset) \($0.total)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
