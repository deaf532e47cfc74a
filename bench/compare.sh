#!/usr/bin/env bash
# Benchmarks graphwiz against vectorbt and backtesting.py on the same 1,000,000 generated 1-minute bars, in
# the same run, and prints the ratios. Installs the peers in bench/.venv (PyPI) on first use.
# Usage: bench/compare.sh [BARS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
bars="${1:-1000000}"
work=bench/.data
mkdir -p "$work"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet --upgrade pip
  bench/.venv/bin/pip install --quiet vectorbt backtesting numpy pandas
fi

swift build -c release --product graphwiz >/dev/null
gw=.build/release/graphwiz
"$gw" data generate --symbol SYNTH/USDT --timeframe 1m --bars "$bars" --seed 7 --out "$work/bars.csv" >/dev/null

echo "== graphwiz"
"$gw" bench --data "$work/bars.csv" --only kernel,sweep,import,indicators --json "$work/graphwiz.json"
echo "== peers (same bars, same grid fast=5..50:5 x slow=60..240:20, fee 0.1%)"
bench/.venv/bin/python bench/peers.py "$work/bars.csv" --json "$work/peers.json"

echo "== ratios"
bench/.venv/bin/python - "$work/graphwiz.json" "$work/peers.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
p = json.load(open(sys.argv[2]))
sweep = g["sweep_pairs_per_second"]
print(f"sweep vs vectorbt from_signals only:        {sweep / p['vectorbt_from_signals_pairs_per_second']:.2f}x (target >= 2x)")
print(f"sweep vs vectorbt from_signals + metrics:   {sweep / p['vectorbt_from_signals_metrics_pairs_per_second']:.2f}x")
print(f"sweep vs vectorbt MA+signals+from_signals:  {sweep / p['vectorbt_full_pairs_per_second']:.2f}x")
print(f"event-driven kernel vs backtesting.py:      {g['kernel_bars_per_second'] / p['backtesting_py_bars_per_second']:.0f}x")
PY
