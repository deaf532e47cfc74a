/// The limits and timings of the alert rules (the `monitoring.alerts` configuration section).
public struct AlertThresholds: Sendable, Hashable, Codable {
    /// Drawdown fraction at which ``AlertRule/drawdown`` fires; default 0.15.
    public var maxDrawdown: Double
    /// Daily loss fraction at which ``AlertRule/dailyLoss`` fires; default 0.05.
    public var maxDailyLoss: Double
    /// Gross exposure ratio at which ``AlertRule/exposure`` fires; default 1.0 (fully invested).
    public var maxGrossExposure: Double
    /// Seconds a venue must stay disconnected before ``AlertRule/exchangeDisconnected`` fires; default 60.
    public var exchangeDisconnectedSeconds: Double
    /// ``AlertRule/orderRejections`` fires when rejections in the window are more than this; default 5.
    public var maxRejections: Int
    /// Length of the rejection window in seconds; default 300.
    public var rejectionWindowSeconds: Double
    /// A firing alert is sent again after this many seconds while it keeps firing; 0 never re-sends.
    /// Default 3600.
    public var renotifySeconds: Double
    /// Whether a resolved notification is sent when a firing alert clears; default true.
    public var sendResolved: Bool

    /// Thresholds; every argument defaults to the shipped default.
    public init(maxDrawdown: Double = 0.15, maxDailyLoss: Double = 0.05, maxGrossExposure: Double = 1.0,
                exchangeDisconnectedSeconds: Double = 60, maxRejections: Int = 5, rejectionWindowSeconds: Double = 300,
                renotifySeconds: Double = 3600, sendResolved: Bool = true) {
        self.maxDrawdown = maxDrawdown
        self.maxDailyLoss = maxDailyLoss
        self.maxGrossExposure = maxGrossExposure
        self.exchangeDisconnectedSeconds = exchangeDisconnectedSeconds
        self.maxRejections = maxRejections
        self.rejectionWindowSeconds = rejectionWindowSeconds
        self.renotifySeconds = renotifySeconds
        self.sendResolved = sendResolved
    }
}
