import TradingApp

await GraphwizCommand.main()
