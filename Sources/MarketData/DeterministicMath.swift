/// `exp` and `log` built from IEEE-754 basic operations only, so that results are bit-identical on every
/// platform (C libraries' transcendental functions differ in the last bit between glibc, musl and Darwin).
///
/// Accuracy is within about one ulp of the true value, ample for simulation. Neither function allocates.
public enum DeterministicMath {
    private static let ln2Hi: Double = 6.93147180369123816490e-01  // 0x3FE62E42FEE00000: low bits zero
    private static let ln2Lo: Double = 1.90821492927058770002e-10  // ln 2 - ln2Hi
    private static let invLn2: Double = 1.44269504088896338700e+00
    private static let sqrt2: Double = 1.41421356237309514547e+00

    /// e^x. Returns +infinity above 709.78, 0 below -745.13 and NaN for NaN.
    ///
    /// - Complexity: O(1).
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x * invLn2).rounded(.toNearestOrEven)
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Taylor series of e^r for |r| <= 0.35: terms up to r^14/14! reach below 2^-60.
        var p = 1.0 / 87_178_291_200.0
        p = p * r + 1.0 / 6_227_020_800.0
        p = p * r + 1.0 / 479_001_600.0
        p = p * r + 1.0 / 39_916_800.0
        p = p * r + 1.0 / 3_628_800.0
        p = p * r + 1.0 / 362_880.0
        p = p * r + 1.0 / 40_320.0
        p = p * r + 1.0 / 5_040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        let exponent = Int(k)
        if exponent < -1000 {
            // Scale in two steps so the subnormal result is rounded only once.
            return Double(sign: .plus, exponent: exponent + 100, significand: p) * 0x1.0p-100
        }
        return Double(sign: .plus, exponent: exponent, significand: p)
    }

    /// Natural logarithm. Returns -infinity for 0, NaN for negative numbers and NaN, +infinity for +infinity.
    ///
    /// - Complexity: O(1).
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var e = Double(x.exponent)
        var m = x.significand  // in [1, 2), also for subnormals
        if m > sqrt2 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)  // |s| <= 0.1716
        let z = s * s
        // log(m) = 2 artanh(s) = 2 (s + s^3/3 + s^5/5 + ...); z^11 / 23 < 2^-60.
        var p = 1.0 / 23.0
        p = p * z + 1.0 / 21.0
        p = p * z + 1.0 / 19.0
        p = p * z + 1.0 / 17.0
        p = p * z + 1.0 / 15.0
        p = p * z + 1.0 / 13.0
        p = p * z + 1.0 / 11.0
        p = p * z + 1.0 / 9.0
        p = p * z + 1.0 / 7.0
        p = p * z + 1.0 / 5.0
        p = p * z + 1.0 / 3.0
        let logM = 2 * s + 2 * s * z * p
        return e * ln2Hi + (e * ln2Lo + logM)
    }
}
