import Foundation
import TradingModel

/// The body of `POST /api/v1/orders`. Only `symbol`, `side` and `quantity` are required; a missing
/// `clientOrderId` is generated. Decimals may be JSON numbers or strings.
struct PlaceOrderBody: Decodable {
    var clientOrderId: String?
    var symbol: String
    var side: OrderSide
    var type: OrderType?
    var quantity: Quantity
    var limitPrice: Price?
    var stopPrice: Price?
    var timeInForce: TimeInForce?
    var reduceOnly: Bool?
    var tag: String?

    /// The order request, after shape checks (400 `invalid_order`).
    func request() throws(APIError) -> OrderRequest {
        guard !symbol.isEmpty, symbol.count <= 32 else {
            throw APIError.badRequest("invalid_order", "symbol must be 1...32 characters, got \(symbol.count)")
        }
        let request = OrderRequest(
            clientOrderId: clientOrderId ?? "api-" + UUID().uuidString.prefix(18).lowercased(), symbol: symbol,
            side: side, type: type ?? .market, quantity: quantity, limitPrice: limitPrice, stopPrice: stopPrice,
            timeInForce: timeInForce ?? .gtc, reduceOnly: reduceOnly ?? false, tag: String((tag ?? "api").prefix(64)))
        guard request.quantity.isPositive else {
            throw APIError(.unprocessableContent, code: "invalid_quantity", "quantity must be positive, got \(quantity)")
        }
        if let problem = request.validateShape() {
            throw APIError(.unprocessableContent, code: "invalid_order", problem)
        }
        return request
    }
}

/// `{"reason": "..."}` of the kill switch.
struct ReasonBody: Decodable {
    var reason: String
}

/// `{"parameters": {"fast": 12}}` of a strategy update.
struct ParametersBody: Decodable {
    var parameters: [String: Double]
}
