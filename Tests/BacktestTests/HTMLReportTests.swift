import Testing
@testable import Backtest
import TradingModel

@Suite struct HTMLReportTests {
    let html = HTMLReport.render(HTMLReportFixture.result, series: HTMLReportFixture.series)

    @Test func isOneHTML5DocumentWithInlineStyleAndScript() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("<style>:root{"))
        #expect(html.contains("<script>(function(){"))
        #expect(html.contains("<title>sma_cross backtest bt-test-1</title>"))
    }

    @Test func referencesNothingExternal() {
        for forbidden in ["src=\"http", "href=\"http", "url(http", "@import", "src='http", "href='http", "<link", "<img"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        let urls = html.components(separatedBy: "http").count - 1
        #expect(namespaces == 4)   // equity, drawdown and one price chart per symbol
        #expect(urls == namespaces)
    }

    @Test func headerNamesStrategyParametersSymbolsPeriodAndRun() {
        #expect(html.contains("<h1>sma_cross</h1>"))
        #expect(html.contains("<dd><code>fast=10 label=x&lt;y&amp;z</code></dd>"))
        #expect(html.contains("<dd>BTC/USDT, A&lt;&amp;&gt;&quot;B/USDT</dd>"))
        #expect(html.contains("<dd>1d</dd>"))
        #expect(html.contains("<dd>2024-01-01 00:00 → 2025-01-10 00:00 UTC</dd>"))
        #expect(html.contains("<dd>10,000.00 → 11,265.10</dd>"))
        #expect(html.contains("<dd><code>bt-test-1</code></dd>"))
    }

    @Test func summaryCardsShowFormattedMetrics() {
        func card(_ label: String, _ tone: String, _ value: String) -> String {
            "<div class=\"label\">\(label)</div><div class=\"value \(tone)\">\(value)</div>"
        }
        #expect(html.contains(card("Total return", "pos", "+12.65%")))
        #expect(html.contains(card("CAGR", "pos", "+11.00%")))
        #expect(html.contains(card("Sharpe", "pos", "1.50")))
        #expect(html.contains(card("Sortino", "pos", "2.25")))
        #expect(html.contains(card("Calmar", "pos", "0.80")))
        #expect(html.contains(card("Max drawdown", "neg", "-5.00%") + "<div class=\"note\">longest 30d (3 bars)</div>"))
        #expect(html.contains(card("Win rate", "", "66.67%")))
        #expect(html.contains(card("Profit factor", "pos", "1.75")))
        #expect(html.contains(card("Trades", "", "3")))
        #expect(html.contains(card("Exposure", "", "40.00%")))
        #expect(html.contains(card("Fees", "", "8.50")))
        #expect(html.contains(card("Buy &amp; hold", "pos", "+8.00%")))
        #expect(html.contains(card("Best trade", "pos", "+4.85%")))
        #expect(html.contains(card("Worst trade", "neg", "-4.79%")))
    }

    @Test func listsEveryTradeRow() {
        #expect(html.contains("<h2>Trades (3)</h2>"))
        #expect(html.contains("<tr><td data-v=\"1\">1</td><td>BTC/USDT</td><td class=\"long\">long</td><td data-v=\"1704412800000\">2024-01-05 00:00</td><td data-v=\"1705708800000\">2024-01-20 00:00</td><td class=\"num\" data-v=\"42000.0\">42,000</td><td class=\"num\" data-v=\"40000.0\">40,000</td><td class=\"num\" data-v=\"0.1\">0.1</td><td class=\"num neg\" data-v=\"-201.5\" title=\"-201.5\">-201.50</td><td class=\"num neg\" data-v=\"-0.0479\">-4.79%</td><td class=\"num\" data-v=\"1.5\" title=\"1.5\">1.50</td><td class=\"num\" data-v=\"15\">15</td><td class=\"exit signal\">signal</td></tr>"))
        #expect(html.contains("<tr><td data-v=\"2\">2</td><td>BTC/USDT</td><td class=\"short\">short</td><td data-v=\"1706832000000\">2024-02-02 00:00</td><td data-v=\"1708387200000\">2024-02-20 00:00</td><td class=\"num\" data-v=\"41000.0\">41,000</td><td class=\"num\" data-v=\"39000.0\">39,000</td><td class=\"num\" data-v=\"0.2\">0.2</td><td class=\"num pos\" data-v=\"398.0\" title=\"398\">398.00</td><td class=\"num pos\" data-v=\"0.0485\">+4.85%</td>"))
        #expect(html.contains("<tr><td data-v=\"3\">3</td><td>A&lt;&amp;&gt;&quot;B/USDT</td><td class=\"long\">long</td><td data-v=\"1709251200000\">2024-03-01 00:00</td><td data-v=\"1709510400000\">2024-03-04 00:00</td><td class=\"num\" data-v=\"10.5\">10.5</td><td class=\"num\" data-v=\"11.0\">11</td><td class=\"num\" data-v=\"100.0\">100</td><td class=\"num pos\" data-v=\"45.0\" title=\"45\">45.00</td><td class=\"num pos\" data-v=\"0.0429\">+4.29%</td><td class=\"num\" data-v=\"5.0\" title=\"5\">5.00</td><td class=\"num\" data-v=\"3\">3</td><td class=\"exit signal\">signal</td></tr>"))
    }

    @Test func monthlyTableHasHandComputedPercentages() {
        let start = html.range(of: "<table class=\"monthly\">")!
        let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)!
        let table = String(html[start.lowerBound..<end.upperBound])
        let empty = "<td class=\"none\"></td>"
        // January -5% is the largest loss, February and January 2025 (+10%) the largest gains: full tint.
        let row2024 = "<tr><th>2024</th><td style=\"background:rgba(220,38,38,0.35)\" title=\"Jan 2024\">-5.00%</td>"
            + "<td style=\"background:rgba(22,163,74,0.60)\" title=\"Feb 2024\">10.00%</td>"
            + "<td style=\"background:rgba(220,38,38,0.20)\" title=\"Mar 2024\">-2.00%</td>"
            + String(repeating: empty, count: 9) + "<td class=\"total pos\">2.41%</td></tr>"
        let row2025 = "<tr><th>2025</th><td style=\"background:rgba(22,163,74,0.60)\" title=\"Jan 2025\">10.00%</td>"
            + String(repeating: empty, count: 11) + "<td class=\"total pos\">10.00%</td></tr>"
        #expect(table.contains(row2024))
        #expect(table.contains(row2025))
    }

    @Test func perSymbolTableAppearsForPortfolios() {
        #expect(html.contains("<h2>Per symbol</h2>"))
        #expect(html.contains("<tr><td>A&lt;&amp;&gt;&quot;B/USDT</td><td class=\"num\" data-v=\"1\">1</td><td class=\"num\" data-v=\"1.0\">100.00%</td>"))
        var single = HTMLReportFixture.result
        single.symbolMetrics = ["BTC/USDT": single.symbolMetrics["BTC/USDT"]!]
        #expect(!HTMLReport.render(single, series: []).contains("Per symbol"))
    }

    @Test func showsOpenPositionsRejectionsAndConfiguration() {
        #expect(html.contains("<h2>Open positions at the end</h2>"))
        #expect(html.contains("<td class=\"num\" data-v=\"95000.0\">95,000</td><td class=\"num\" data-v=\"0.05\">0.05</td><td class=\"num\" data-v=\"96000.0\">96,000</td><td class=\"num pos\" data-v=\"50.0\" title=\"50\">50.00</td>"))
        #expect(html.contains("<h2>Risk rejections (1)</h2>"))
        #expect(html.contains("<td><code>max_exposure</code></td><td>exposure &lt;too&gt; high &amp; &quot;rising&quot;</td>"))
        #expect(html.contains("<details><summary>Configuration (JSON, reproduces this run)</summary><pre><code>{"))
        #expect(html.contains("&quot;strategy&quot; : &quot;sma_cross&quot;"))
        #expect(html.contains("&quot;label&quot; : &quot;x&lt;y&amp;z&quot;"))
    }

    @Test func escapesEveryUntrustedText() {
        #expect(!html.contains("A<&>\"B"))
        #expect(!html.contains("<too>"))
        #expect(!html.contains("x<y&z"))   // the parameter value; the inline script itself contains `x<y`
        #expect(html.contains("<h3>A&lt;&amp;&gt;&quot;B/USDT</h3>"))
        #expect(HTMLEscape.text("a<&>\"'b") == "a&lt;&amp;&gt;&quot;&#39;b")
        #expect(HTMLEscape.text("plain") == "plain")
    }

    @Test func priceChartMarksEntriesAndExits() {
        #expect(html.contains("<polygon class=\"entry up\""))
        #expect(html.contains("<polygon class=\"entry down\""))
        #expect(html.contains("<circle class=\"exit loss\""))
        #expect(html.contains("<circle class=\"exit win\""))
        #expect(html.contains("<polygon class=\"entry open\""))
        #expect(html.contains("<title>short BTC/USDT · 2024-02-02 00:00 @ 41000 → 2024-02-20 00:00 @ 39000 · pnl 398 (+4.85%)</title>"))
        #expect(html.contains("<path class=\"candle up\""))   // 60 bars: candles
    }

    @Test func emptyRunStillRendersAValidPage() {
        var empty = HTMLReportFixture.result
        empty.trades = []
        empty.equity = []
        empty.openPositions = []
        empty.rejections = []
        let page = HTMLReport.render(empty, series: [])
        #expect(page.contains("<p class=\"empty\">No closed trades.</p>"))
        #expect(page.contains("<p class=\"empty\">No equity curve recorded.</p>"))
        #expect(!page.contains("Monthly returns"))
        #expect(page.hasSuffix("</html>\n"))
    }
}
