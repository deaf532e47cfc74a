import ArgumentParser
import TradingApp

/// Entry point of the `graphwiz` binary: everything lives in `TradingApp`.
@main
enum GraphwizMain {
    static func main() async {
        LoggingBootstrap.bootstrapForCommands()
        await start(GraphwizCommand.self)
    }

    /// Calls the async `main()` of an `AsyncParsableCommand` (the sync overload would refuse async subcommands).
    private static func start<Command: AsyncParsableCommand>(_ command: Command.Type) async {
        await command.main()
    }
}
