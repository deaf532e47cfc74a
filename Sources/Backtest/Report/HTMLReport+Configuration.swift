import Foundation

extension HTMLReport {
    /// The full configuration as pretty JSON inside a `<details>` element, so the run can be reproduced.
    static func configurationSection(_ result: BacktestResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json: String
        do {
            json = String(decoding: try encoder.encode(result.configuration), as: UTF8.self)
        } catch {
            json = "HTMLReport+Configuration.swift: could not encode the configuration of run \(result.id) as JSON: \(error)"
        }
        var out = "<details><summary>Configuration (JSON, reproduces this run)</summary>"
        out += "<pre><code>\(HTMLEscape.text(json))</code></pre></details>\n"
        return section("Configuration", id: "configuration", out)
    }
}
