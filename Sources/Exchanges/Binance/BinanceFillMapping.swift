import TradingModel

/// Binance executions as unified fills, with the commission as Binance charged it.
///
/// Binance takes a buy's commission in the base asset it delivers and a sell's in the quote asset, or in BNB
/// when the account pays fees with BNB. Every source states the asset: `fills[].commission/commissionAsset` of a
/// FULL new-order response, `commission/commissionAsset` of `GET /api/v3/myTrades`, and `n`/`N` of an
/// `executionReport`. The fill keeps it (``Fill/feeAsset``, ``Fill/feeAmount``) so the ledger books a base fee
/// against the position; a BNB fee is left for the ledger to value at its BNB mark (see ``Fill``).
public extension BinanceMapping {
    /// The fills of a FULL new-order response (`symbol` unified, `clientOrderId` the id the order was placed with).
    /// The last one completes the order when the answer's status is `FILLED`.
    static func fills(_ answer: BinanceWire.Order, clientOrderId: String, symbol: String, time: Int64) throws -> [Fill] {
        let listed = answer.fills ?? []
        let filled = answer.status == "FILLED"
        return try listed.enumerated().map { index, fill in
            var mapped = Fill(tradeId: String(fill.tradeId), clientOrderId: clientOrderId, venueOrderId: String(answer.orderId),
                              symbol: symbol, side: side(answer.side), price: try decimal(fill.price, field: "fills.price"),
                              quantity: try decimal(fill.qty, field: "fills.qty"),
                              feeAmount: try decimal(fill.commission, field: "fills.commission"),
                              feeAsset: fill.commissionAsset, liquidity: .taker, time: time)
            mapped.orderComplete = filled && index == listed.count - 1
            return mapped
        }
    }

    /// The fill of one `myTrades` entry (which does not say whether it completed its order: ``Fill/orderComplete`` nil).
    static func fill(_ trade: BinanceWire.Trade, clientOrderId: String, symbol: String) throws -> Fill {
        Fill(tradeId: String(trade.id), clientOrderId: clientOrderId, venueOrderId: String(trade.orderId),
             symbol: symbol, side: trade.isBuyer ? .buy : .sell, price: try decimal(trade.price, field: "myTrades.price"),
             quantity: try decimal(trade.qty, field: "myTrades.qty"),
             feeAmount: try decimal(trade.commission, field: "myTrades.commission"),
             feeAsset: trade.commissionAsset, liquidity: trade.isMaker ? .maker : .taker, time: trade.time)
    }

    /// The fill of a `TRADE` execution report. A report without `N` (no commission yet) is charged nothing; the
    /// order status `X` says whether the fill completed the order (`FILLED`).
    static func fill(_ report: BinanceUserDataEvent.ExecutionReport, symbol: String) throws -> Fill {
        var fill = Fill(tradeId: String(report.t), clientOrderId: report.originalClientOrderId, venueOrderId: String(report.i),
                        symbol: symbol, side: side(report.S), price: try decimal(report.L, field: "executionReport.L"),
                        quantity: try decimal(report.l, field: "executionReport.l"),
                        feeAmount: try decimal(report.n, field: "executionReport.n"), feeAsset: report.N ?? "",
                        liquidity: report.m ? .maker : .taker, time: report.T)
        fill.orderComplete = report.X == "FILLED"
        return fill
    }
}
