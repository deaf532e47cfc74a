import TradingApp

/// Entry point of the `graphwiz` binary: everything lives in `TradingApp`.
@main
enum GraphwizMain {
    static func main() async {
        await GraphwizCommand.main(nil)
    }
}
