#!/usr/bin/env python3
"""Measure vectorbt and backtesting.py on the bars graphwiz benchmarks, with the same grid and costs.

Usage: peers.py BARS.csv [--json OUT.json] [--bt-bars N]
Prints one line per figure and writes them as JSON for compare.sh.
"""
import argparse
import json
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")

FAST = list(range(5, 51, 5))          # graphwiz bench: fast=5..50:5
SLOW = list(range(60, 241, 20))       # graphwiz bench: slow=60..240:20
FEE = 0.001
CASH = 10_000


def load(path):
    frame = pd.read_csv(path)
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    return frame.set_index("time")


def best_of(n, body):
    times = []
    result = None
    for _ in range(n):
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    return min(times), sorted(times)[len(times) // 2], result


def vectorbt_figures(frame, repeats):
    import vectorbt as vbt

    close = frame["close"]
    fast_windows = [f for f in FAST for _ in SLOW]
    slow_windows = [s for _ in FAST for s in SLOW]

    def signals():
        fast = vbt.MA.run(close, window=fast_windows, short_name="fast")
        slow = vbt.MA.run(close, window=slow_windows, short_name="slow")
        return fast.ma_crossed_above(slow), fast.ma_crossed_below(slow)

    def simulate(entries, exits):
        return vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, init_cash=CASH, freq="1min")

    def portfolio(entries, exits):
        pf = simulate(entries, exits)
        return pf.total_return(), pf.sharpe_ratio(), pf.max_drawdown()

    # Warm up numba on a small slice so compile time is not measured.
    small = close.iloc[:5000]
    f5, s60 = vbt.MA.run(small, window=[5]), vbt.MA.run(small, window=[60])
    e, x = f5.ma_crossed_above(s60), f5.ma_crossed_below(s60)
    vbt.Portfolio.from_signals(small, e, x, fees=FEE, init_cash=CASH, freq="1min").total_return()

    entries, exits = signals()
    sim_best, _, _ = best_of(repeats, lambda: simulate(entries, exits))
    # Metrics and the full pipeline are slow on 100 x 1M columns: measured once.
    pf_best, _, _ = best_of(1, lambda: portfolio(entries, exits))
    full_best, _, _ = best_of(1, lambda: portfolio(*signals()))
    pairs = len(fast_windows)
    return {
        "vectorbt_from_signals_pairs_per_second": pairs / sim_best,
        "vectorbt_from_signals_metrics_pairs_per_second": pairs / pf_best,
        "vectorbt_full_pairs_per_second": pairs / full_best,
        "vectorbt_pairs": pairs,
    }


def backtesting_figures(frame, bars):
    from backtesting import Backtest, Strategy
    from backtesting.lib import crossover

    def sma(values, n):
        return pd.Series(values).rolling(n).mean().to_numpy()

    class SmaCross(Strategy):
        fast = 10
        slow = 30

        def init(self):
            self.f = self.I(sma, self.data.Close, self.fast)
            self.s = self.I(sma, self.data.Close, self.slow)

        def next(self):
            if crossover(self.f, self.s):
                self.buy()
            elif crossover(self.s, self.f):
                self.position.close()

    data = frame.iloc[:bars].rename(columns=str.capitalize)
    data.index = data.index.tz_localize(None)
    bt = Backtest(data, SmaCross, cash=CASH * 10, commission=FEE, exclusive_orders=False, finalize_trades=True) \
        if "finalize_trades" in Backtest.__init__.__code__.co_varnames else Backtest(data, SmaCross, cash=CASH * 10, commission=FEE)
    start = time.perf_counter()
    stats = bt.run()
    seconds = time.perf_counter() - start
    return {"backtesting_py_bars_per_second": bars / seconds, "backtesting_py_bars": bars,
            "backtesting_py_trades": int(stats["# Trades"])}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bars")
    parser.add_argument("--json")
    parser.add_argument("--bt-bars", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    frame = load(args.bars)
    figures = {}
    figures.update(vectorbt_figures(frame, args.repeats))
    print(f"vectorbt Portfolio.from_signals ({figures['vectorbt_pairs']} pairs, signals precomputed, no metrics): "
          f"{figures['vectorbt_from_signals_pairs_per_second']:.1f} pairs/s")
    print(f"vectorbt from_signals + total_return/sharpe/max_drawdown: "
          f"{figures['vectorbt_from_signals_metrics_pairs_per_second']:.1f} pairs/s")
    print(f"vectorbt MA + crossings + from_signals ({figures['vectorbt_pairs']} pairs): "
          f"{figures['vectorbt_full_pairs_per_second']:.1f} pairs/s")
    figures.update(backtesting_figures(frame, min(args.bt_bars, len(frame))))
    print(f"backtesting.py SmaCross 10/30 ({figures['backtesting_py_bars']:,} bars): "
          f"{figures['backtesting_py_bars_per_second']:,.0f} bars/s ({figures['backtesting_py_trades']} trades)")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(figures, out, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
