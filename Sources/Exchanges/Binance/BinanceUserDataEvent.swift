import Foundation

/// The user data stream messages graphwiz reads.
public enum BinanceUserDataEvent: Sendable {
    /// `executionReport`: an order changed.
    case execution(ExecutionReport)
    /// `outboundAccountPosition`: balances after a change.
    case accountPosition(AccountPosition)
    /// `listenKeyExpired`: the stream is dead and a new key is needed.
    case listenKeyExpired
    /// Any other event type.
    case other(String)

    /// An `executionReport` payload (single-letter keys as on the wire).
    public struct ExecutionReport: Decodable, Sendable {
        /// Event time.
        public var E: Int64
        /// Venue symbol.
        public var s: String
        /// Client order id (for cancels: the cancel request's id).
        public var c: String
        /// Side.
        public var S: String
        /// Order type.
        public var o: String
        /// Quantity.
        public var q: String
        /// Price.
        public var p: String
        /// Execution type: NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION.
        public var x: String
        /// Order status.
        public var X: String
        /// Reject reason.
        public var r: String
        /// Venue order id.
        public var i: Int64
        /// Last executed quantity.
        public var l: String
        /// Cumulative filled quantity.
        public var z: String
        /// Last executed price.
        public var L: String
        /// Commission amount.
        public var n: String
        /// Commission asset.
        public var N: String?
        /// Transaction time.
        public var T: Int64
        /// Trade id (-1 when not a trade).
        public var t: Int64
        /// Maker side of the trade.
        public var m: Bool
        /// Original client order id (cancels).
        public var C: String?

        /// The id the order was placed with.
        public var originalClientOrderId: String {
            if let C, !C.isEmpty { return C }
            return c
        }
    }

    /// An `outboundAccountPosition` payload.
    public struct AccountPosition: Decodable, Sendable {
        /// Event time.
        public var E: Int64
        /// Changed balances.
        public var B: [Asset]

        /// One balance.
        public struct Asset: Decodable, Sendable {
            public var a: String
            public var f: String
            public var l: String
        }
    }

    private struct Envelope: Decodable { var e: String }

    /// Parses one text message; nil for text that is not a JSON event.
    public static func parse(_ text: String) -> BinanceUserDataEvent? {
        let data = Data(text.utf8)
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else { return nil }
        switch envelope.e {
        case "executionReport":
            return (try? JSONDecoder().decode(ExecutionReport.self, from: data)).map { .execution($0) }
        case "outboundAccountPosition":
            return (try? JSONDecoder().decode(AccountPosition.self, from: data)).map { .accountPosition($0) }
        case "listenKeyExpired": return .listenKeyExpired
        default: return .other(envelope.e)
        }
    }
}
