import TradingModel

/// A correlation matrix from outside the engine (the knowledge graph's CORRELATED_WITH values).
struct ExternalCorrelations: Sendable {
    var index: [String: Int]
    var matrix: [[Double]]
    var asOf: Int64
}

/// Why external correlations were refused.
public struct CorrelationInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
}

extension RiskEngine {
    /// Feeds correlations computed elsewhere: `matrix[a][b]` is rho between `symbols[a]` and `symbols[b]`,
    /// as of `asOf` (Unix ms). While they are fresher than the rolling window's start (the latest bar time
    /// minus `correlation_window` bars), they replace the rolling estimate for every pair they cover.
    /// - Throws: when the matrix is not square over `symbols`, or a value is not finite or outside [-1, 1].
    public mutating func updateCorrelations(symbols: [String], matrix: [[Double]], asOf: Int64) throws(CorrelationInputError) {
        guard matrix.count == symbols.count, matrix.allSatisfy({ $0.count == symbols.count }) else {
            throw CorrelationInputError(description: "correlation matrix must be \(symbols.count)x\(symbols.count) for \(symbols), got \(matrix.count) rows of \(matrix.map(\.count))")
        }
        for (a, row) in matrix.enumerated() {
            for (b, rho) in row.enumerated() where !(rho.isFinite && rho >= -1 && rho <= 1) {
                throw CorrelationInputError(description: "correlation of \(symbols[a]) and \(symbols[b]) must be between -1 and 1, got \(rho)")
            }
        }
        var index: [String: Int] = [:]
        for (i, s) in symbols.enumerated() { index[s] = i }
        external = ExternalCorrelations(index: index, matrix: matrix, asOf: asOf)
    }

    /// Whether the external correlations are used now.
    public var usesExternalCorrelations: Bool {
        guard let external else { return false }
        return isFresh(external.asOf)
    }

    func isFresh(_ asOf: Int64) -> Bool {
        guard lastBarTime != .min, barSpacing != .max else { return true }
        let (span, overflow) = barSpacing.multipliedReportingOverflow(by: Int64(limits.correlationWindow))
        return overflow || asOf >= lastBarTime - span
    }

    /// Rho of instruments `i` and `j`: external when fresh and covering both, else the rolling window's.
    func correlationValue(_ i: Int, _ j: Int, context: RiskCheckContext) -> Double? {
        if let external, isFresh(external.asOf) {
            let symbols = context.portfolio.instruments
            if let a = external.index[symbols[i].symbol], let b = external.index[symbols[j].symbol] {
                return external.matrix[a][b]
            }
        }
        return correlation?.correlation(i, j)
    }

    /// Notes a bar's open time for the freshness of external correlations.
    mutating func noteBarTime(_ time: Int64) {
        if lastBarTime != .min, time > lastBarTime { barSpacing = Swift.min(barSpacing, time - lastBarTime) }
        if time > lastBarTime { lastBarTime = time }
    }
}
