/// The drawing area of one chart: pixel size, margins and the data ranges mapped onto them.
struct SVGPlot {
    var width: Double = 1100
    var height: Double
    var left: Double = 78
    var right: Double = 16
    var top: Double = 12
    var bottom: Double = 26
    var from: Int64
    var to: Int64
    var low: Double
    var high: Double

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// Pixel x of a time.
    @inline(__always) func x(_ time: Int64) -> Double {
        to > from ? left + Double(time - from) / Double(to - from) * plotWidth : left + plotWidth / 2
    }

    /// Pixel y of a value.
    @inline(__always) func y(_ value: Double) -> Double {
        high > low ? top + (high - value) / (high - low) * plotHeight : top + plotHeight / 2
    }
}

/// Builds SVG path data with coordinates rounded to 0.1 px, without `String(format:)`.
struct SVGPathBuilder {
    private(set) var data = ""

    init(capacity: Int = 0) { data.reserveCapacity(capacity * 14) }

    mutating func move(_ x: Double, _ y: Double) { data += "M"; append(x); data += ","; append(y) }
    mutating func line(_ x: Double, _ y: Double) { data += "L"; append(x); data += ","; append(y) }
    mutating func close() { data += "Z" }

    private mutating func append(_ value: Double) {
        SVGPathBuilder.append(value, to: &data)
    }

    /// Appends `value` rounded to one decimal (`12.3`, `-4`, `0.5`).
    static func append(_ value: Double, to text: inout String) {
        let clamped = Swift.max(-1e7, Swift.min(1e7, value.isFinite ? value : 0))
        var tenths = Int((clamped * 10).rounded())
        if tenths < 0 { text += "-"; tenths = -tenths }
        text += String(tenths / 10)
        if tenths % 10 != 0 { text += "."; text += String(tenths % 10) }
    }

    /// `value` rounded to one decimal, as text.
    static func number(_ value: Double) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }
}
