import Foundation

/// One snapshot of the trading service that the alert rules read: built by the service on each evaluation
/// tick from its portfolio, risk engine and venue connections. All ratios are fractions (0.15 = 15 %).
public struct AlertInput: Sendable, Hashable {
    /// When the snapshot was taken.
    public var time: Date
    /// Drawdown from the equity peak as a positive fraction (0.2 = 20 % below the peak).
    public var drawdown: Double
    /// Loss since the start of the trading day as a positive fraction of the day's opening equity
    /// (a gain is 0 or negative).
    public var dailyLoss: Double
    /// Gross exposure: sum of absolute position values divided by equity.
    public var grossExposure: Double
    /// Whether each venue's connection is up, by venue name (e.g. `binance`).
    public var exchangeConnected: [String: Bool]
    /// Order rejections counted in the configured rejection window (see ``RejectionWindow``).
    public var rejectionsInWindow: Int

    /// A snapshot.
    public init(time: Date, drawdown: Double = 0, dailyLoss: Double = 0, grossExposure: Double = 0,
                exchangeConnected: [String: Bool] = [:], rejectionsInWindow: Int = 0) {
        self.time = time
        self.drawdown = drawdown
        self.dailyLoss = dailyLoss
        self.grossExposure = grossExposure
        self.exchangeConnected = exchangeConnected
        self.rejectionsInWindow = rejectionsInWindow
    }
}
