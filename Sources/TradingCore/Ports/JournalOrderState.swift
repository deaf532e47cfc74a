import TradingModel

/// Where a journaled order stands, as far as the journal knows.
public enum JournalOrderState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Durable intent; no answer from the venue yet (it may or may not have reached it).
    case intent
    /// The venue acknowledged it.
    case accepted
    /// Some quantity filled, the rest works.
    case partiallyFilled = "partially_filled"
    /// Completely filled.
    case filled
    /// Canceled by request, IOC remainder or the venue.
    case canceled
    /// Refused by the venue.
    case rejected
    /// Expired at the venue (FOK, time limits).
    case expired
    /// Never reached the venue (found unknown there by reconciliation, or the send failed for certain).
    case failed
    /// The journal thought it open but the venue no longer has it (closed by reconciliation).
    case closedOut = "closed_out"

    /// States in which the order may still be working or unanswered at the venue.
    public static let unfinished: Set<JournalOrderState> = [.intent, .accepted, .partiallyFilled]

    /// True once nothing more can happen to the order.
    public var isTerminal: Bool { !Self.unfinished.contains(self) }

    /// The venue-side status this state corresponds to (`failed` and `closedOut` read as canceled/rejected).
    public var orderStatus: OrderStatus {
        switch self {
        case .intent: return .pendingNew
        case .accepted: return .accepted
        case .partiallyFilled: return .partiallyFilled
        case .filled: return .filled
        case .canceled, .closedOut: return .canceled
        case .rejected, .failed: return .rejected
        case .expired: return .expired
        }
    }
}

