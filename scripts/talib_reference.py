#!/usr/bin/env python3
"""Writes the TA-Lib reference fixtures used by Tests/IndicatorsTests.

Inputs (written into Tests/IndicatorsTests/Fixtures/):
  btcusd_real.csv  backtesting.py's bundled monthly BTCUSD sample (public sample data),
                   converted to time,open,high,low,close,volume with time in Unix ms (UTC).
  generated.csv    a seeded random walk with GARCH(1,1) volatility clustering, 3000 hourly bars,
                   prices rounded to cents (so equal highs/lows occur) and one flat, zero-volume
                   stretch that drives every zero-division branch of the indicators.

For each input `<name>.csv` it writes `<name>_talib.csv`: one column per TA-Lib output, named like the
Swift `IndicatorSpec` column (`sma_20`, `macd_signal_12_26_9`, ...), floats written with `repr` (full
precision, round-trips exactly), empty cells for NaN. `talib_specs.txt` lists the `IndicatorSpec`
strings whose columns the CSVs hold, one per line.

Run from the repository root:  python3 scripts/talib_reference.py
Needs numpy, pandas, TA-Lib (`talib`) and backtesting (only for its bundled CSV).
"""
import csv
import math
import os
from datetime import datetime, timezone

import numpy as np
import talib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "IndicatorsTests", "Fixtures")

# (spec, function producing the outputs in the spec's column order, column names)
# Column names must match IndicatorSpec's naming: indicator, output, then parameters joined by "_".
SPECS = [
    ("sma:5", lambda d: [talib.SMA(d["close"], 5)], ["sma_5"]),
    ("sma:20", lambda d: [talib.SMA(d["close"], 20)], ["sma_20"]),
    ("sma:50", lambda d: [talib.SMA(d["close"], 50)], ["sma_50"]),
    ("ema:10", lambda d: [talib.EMA(d["close"], 10)], ["ema_10"]),
    ("ema:30", lambda d: [talib.EMA(d["close"], 30)], ["ema_30"]),
    ("wma:10", lambda d: [talib.WMA(d["close"], 10)], ["wma_10"]),
    ("wma:30", lambda d: [talib.WMA(d["close"], 30)], ["wma_30"]),
    ("dema:10", lambda d: [talib.DEMA(d["close"], 10)], ["dema_10"]),
    ("dema:20", lambda d: [talib.DEMA(d["close"], 20)], ["dema_20"]),
    ("tema:10", lambda d: [talib.TEMA(d["close"], 10)], ["tema_10"]),
    ("tema:20", lambda d: [talib.TEMA(d["close"], 20)], ["tema_20"]),
    ("rsi:14", lambda d: [talib.RSI(d["close"], 14)], ["rsi_14"]),
    ("rsi:7", lambda d: [talib.RSI(d["close"], 7)], ["rsi_7"]),
    ("macd:12,26,9", lambda d: list(talib.MACD(d["close"], 12, 26, 9)),
     ["macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9"]),
    ("macd:5,35,5", lambda d: list(talib.MACD(d["close"], 5, 35, 5)),
     ["macd_5_35_5", "macd_signal_5_35_5", "macd_hist_5_35_5"]),
    ("bbands:20,2", lambda d: list(talib.BBANDS(d["close"], 20, 2.0, 2.0, 0)),
     ["bbands_upper_20_2", "bbands_middle_20_2", "bbands_lower_20_2"]),
    ("bbands:10,1.5", lambda d: list(talib.BBANDS(d["close"], 10, 1.5, 1.5, 0)),
     ["bbands_upper_10_1.5", "bbands_middle_10_1.5", "bbands_lower_10_1.5"]),
    ("atr:14", lambda d: [talib.ATR(d["high"], d["low"], d["close"], 14)], ["atr_14"]),
    ("atr:7", lambda d: [talib.ATR(d["high"], d["low"], d["close"], 7)], ["atr_7"]),
    ("stoch:5,3,3", lambda d: list(talib.STOCH(d["high"], d["low"], d["close"], 5, 3, 0, 3, 0)),
     ["stoch_k_5_3_3", "stoch_d_5_3_3"]),
    ("stoch:14,3,5", lambda d: list(talib.STOCH(d["high"], d["low"], d["close"], 14, 3, 0, 5, 0)),
     ["stoch_k_14_3_5", "stoch_d_14_3_5"]),
    ("stochrsi:14,5,3", lambda d: list(talib.STOCHRSI(d["close"], 14, 5, 3, 0)),
     ["stochrsi_k_14_5_3", "stochrsi_d_14_5_3"]),
    ("stochrsi:14,14,3", lambda d: list(talib.STOCHRSI(d["close"], 14, 14, 3, 0)),
     ["stochrsi_k_14_14_3", "stochrsi_d_14_14_3"]),
    ("adx:14", lambda d: [talib.ADX(d["high"], d["low"], d["close"], 14),
                          talib.PLUS_DI(d["high"], d["low"], d["close"], 14),
                          talib.MINUS_DI(d["high"], d["low"], d["close"], 14)],
     ["adx_14", "plus_di_14", "minus_di_14"]),
    ("adx:7", lambda d: [talib.ADX(d["high"], d["low"], d["close"], 7),
                         talib.PLUS_DI(d["high"], d["low"], d["close"], 7),
                         talib.MINUS_DI(d["high"], d["low"], d["close"], 7)],
     ["adx_7", "plus_di_7", "minus_di_7"]),
    ("cci:14", lambda d: [talib.CCI(d["high"], d["low"], d["close"], 14)], ["cci_14"]),
    ("cci:20", lambda d: [talib.CCI(d["high"], d["low"], d["close"], 20)], ["cci_20"]),
    ("roc:10", lambda d: [talib.ROC(d["close"], 10)], ["roc_10"]),
    ("roc:1", lambda d: [talib.ROC(d["close"], 1)], ["roc_1"]),
    ("mom:10", lambda d: [talib.MOM(d["close"], 10)], ["mom_10"]),
    ("mom:3", lambda d: [talib.MOM(d["close"], 3)], ["mom_3"]),
    ("willr:14", lambda d: [talib.WILLR(d["high"], d["low"], d["close"], 14)], ["willr_14"]),
    ("willr:7", lambda d: [talib.WILLR(d["high"], d["low"], d["close"], 7)], ["willr_7"]),
    ("obv", lambda d: [talib.OBV(d["close"], d["volume"])], ["obv"]),
    ("mfi:14", lambda d: [talib.MFI(d["high"], d["low"], d["close"], d["volume"], 14)], ["mfi_14"]),
    ("mfi:7", lambda d: [talib.MFI(d["high"], d["low"], d["close"], d["volume"], 7)], ["mfi_7"]),
]

COLUMNS = ["time", "open", "high", "low", "close", "volume"]


def backtesting_btcusd_rows():
    """Reads backtesting.py's bundled BTCUSD.csv (Date,Open,High,Low,Close,Volume; monthly)."""
    import backtesting
    path = os.path.join(os.path.dirname(backtesting.__file__), "test", "BTCUSD.csv")
    rows = []
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for date, o, h, l, c, v in reader:
            day = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc)
            rows.append([int(day.timestamp()) * 1000, float(o), float(h), float(l), float(c), float(v)])
    return rows


def generated_rows(count=3000, seed=20240601):
    """A GARCH(1,1) random walk of hourly bars, cents-rounded, with one flat zero-volume stretch."""
    rng = np.random.default_rng(seed)
    start_ms = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp()) * 1000
    omega, alpha, beta = 2e-7, 0.08, 0.9
    variance = omega / (1 - alpha - beta)
    previous_return = 0.0
    close = 100.0
    flat = range(1500, 1530)
    rows = []
    for i in range(count):
        variance = omega + alpha * previous_return ** 2 + beta * variance
        sigma = math.sqrt(variance)
        if i in flat:
            price = round(close, 2)
            rows.append([start_ms + i * 3_600_000, price, price, price, price, 0.0])
            previous_return = 0.0
            continue
        ret = sigma * rng.standard_normal()
        previous_return = ret
        open_ = round(close * math.exp(sigma * 0.1 * rng.standard_normal()), 2)
        new_close = round(close * math.exp(ret), 2)
        wick_up = abs(rng.standard_normal()) * sigma * 0.6
        wick_down = abs(rng.standard_normal()) * sigma * 0.6
        high = round(max(open_, new_close) * math.exp(wick_up), 2)
        low = round(min(open_, new_close) * math.exp(-wick_down), 2)
        volume = round(float(rng.lognormal(mean=8.0, sigma=0.6)) * (1.0 + 50.0 * abs(ret)), 4)
        rows.append([start_ms + i * 3_600_000, open_, high, low, new_close, volume])
        close = new_close
    return rows


def write_input(name, rows):
    with open(os.path.join(FIXTURES, name + ".csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([r[0]] + [repr(float(x)) for x in r[1:]])


def write_reference(name, rows):
    data = {c: np.array([float(r[i]) for r in rows], dtype=np.float64) for i, c in enumerate(COLUMNS) if c != "time"}
    names, series = [], []
    for _, compute, columns in SPECS:
        outputs = compute(data)
        assert len(outputs) == len(columns)
        for column, values in zip(columns, outputs):
            assert len(values) == len(rows)
            names.append(column)
            series.append(values)
    with open(os.path.join(FIXTURES, name + "_talib.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for i in range(len(rows)):
            w.writerow(["" if math.isnan(s[i]) else repr(float(s[i])) for s in series])


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    inputs = {"btcusd_real": backtesting_btcusd_rows(), "generated": generated_rows()}
    for name, rows in inputs.items():
        write_input(name, rows)
        write_reference(name, rows)
    with open(os.path.join(FIXTURES, "talib_specs.txt"), "w") as f:
        f.write("# IndicatorSpec strings whose columns the *_talib.csv fixtures hold (TA-Lib "
                + talib.__ta_version__.decode().split()[0] + ")\n")
        for spec, _, _ in SPECS:
            f.write(spec + "\n")
    print("wrote", ", ".join(sorted(os.listdir(FIXTURES))))


if __name__ == "__main__":
    main()
