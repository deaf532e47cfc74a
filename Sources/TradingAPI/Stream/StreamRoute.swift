import Foundation
import Hummingbird
import HummingbirdWebSocket

/// `GET /api/v1/stream`: a WebSocket pushing every ``ControlUpdate`` as one JSON text message
/// (`{"type":"fill","data":{...}}`) until the client closes. Authentication happened in the access middleware
/// (header or `token` query parameter); inbound messages are ignored.
enum StreamRoute {
    static func register(on group: RouterGroup<APIRequestContext>, control: some TradingControl) {
        group.ws("stream") { inbound, outbound, _ in
            let updates = control.updates()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await _ in inbound {}
                }
                group.addTask {
                    for await update in updates {
                        let data = try encoder.encode(update)
                        try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
