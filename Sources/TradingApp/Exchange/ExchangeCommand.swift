import ArgumentParser

/// `graphwiz exchange`: look at and trade on a venue account (markets, balance, orders, order, cancel).
public struct ExchangeCommand: AsyncParsableCommand {
    /// `exchange` with its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "exchange",
        abstract: "Markets, balances and orders on Binance or Kraken (keys from the environment or config).",
        subcommands: [ExchangeMarkets.self, ExchangeBalance.self, ExchangeOrders.self, ExchangePlaceOrder.self,
                      ExchangeCancel.self, ExchangeFake.self]
    )

    /// Required by ArgumentParser.
    public init() {}
}
