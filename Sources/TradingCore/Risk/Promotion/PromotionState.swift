/// Where a strategy stands on the paper-to-live ladder: step 0 is paper only; step k (1...ladder.count)
/// trades `ladder[k-1]` of its capital live. Each step needs its own record (sessions after the step
/// began) meeting the criteria to climb; any breach drops it back to paper.
public struct PromotionState: Sendable, Hashable, Codable {
    /// Strategy name.
    public var strategy: String
    /// 0 = paper; k = live at `ladder[k-1]`.
    public var step: Int
    /// When the current step began (Unix ms): only sessions from then on count for it.
    public var stepStartedAt: Int64
    /// Every evaluation that changed the step, oldest first.
    public var history: [PromotionChange]

    /// A strategy on paper since `time`.
    public init(strategy: String, step: Int = 0, stepStartedAt: Int64 = 0, history: [PromotionChange] = []) {
        self.strategy = strategy
        self.step = step
        self.stepStartedAt = stepStartedAt
        self.history = history
    }

    /// The capital fraction allowed now, or the refusal for a strategy still on paper.
    public func allowedCapital(criteria: PromotionCriteria) -> CapitalAllowance {
        guard step > 0 else {
            let why = history.last.map { "\($0.reason)" } ?? "no paper record has met the promotion criteria yet"
            return .refused(reason: "\(strategy) is on paper (step 0): \(why); run `graphwiz risk promotion evaluate --strategy \(strategy)`")
        }
        let index = Swift.min(step, criteria.ladder.count) - 1
        return .allowed(fraction: criteria.ladder[index])
    }

    /// Applies one evaluation of the record of the current step at `time`: a breach demotes to paper, a pass
    /// climbs one step (the top step stays), a shortfall keeps the step. Returns the verdict.
    @discardableResult
    public mutating func apply(_ record: PaperRecord, criteria: PromotionCriteria, time: Int64) -> PromotionVerdict {
        let verdict = PromotionGate.evaluate(record, criteria: criteria)
        let from = step
        if !verdict.breaches.isEmpty {
            guard step > 0 else {
                history.append(PromotionChange(time: time, from: from, to: 0, reason: "paper record breached: " + verdict.breaches.joined(separator: "; ")))
                stepStartedAt = time
                return verdict
            }
            step = 0
            stepStartedAt = time
            history.append(PromotionChange(time: time, from: from, to: 0, reason: "demoted to paper: " + verdict.breaches.joined(separator: "; ")))
        } else if verdict.passed, step < criteria.ladder.count {
            step += 1
            stepStartedAt = time
            history.append(PromotionChange(time: time, from: from, to: step, reason: "record met every criterion: \(record.days.rounded2) days, \(record.trades) trades, max drawdown \((record.maxDrawdown * 100).rounded2)%, Sharpe \(record.sharpe.rounded2)"))
        }
        return verdict
    }
}

/// One move on the ladder.
public struct PromotionChange: Sendable, Hashable, Codable {
    public var time: Int64
    public var from: Int
    public var to: Int
    public var reason: String

    public init(time: Int64, from: Int, to: Int, reason: String) {
        self.time = time
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// What the live trader may commit for a strategy.
public enum CapitalAllowance: Sendable, Hashable {
    /// This fraction (0...1] of the strategy's capital.
    case allowed(fraction: Double)
    /// Nothing, with the reason.
    case refused(reason: String)
}

extension Double {
    var rounded2: Double { (self * 100).rounded() / 100 }
}
