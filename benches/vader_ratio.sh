#!/usr/bin/env bash
# Python vaderSentiment vs Earshot on the same corpus, in one run, one core each:
#  - sentiment alone: vaderSentiment's polarity_scores vs Earshot's sentiment (criterion bench numbers
#    are per core too; here both sides run in-process loops over the same texts),
#  - full classify through the CLI (JSON in and out, brands, language, sentiment, signals, categories).
# Needs `pip install vaderSentiment==3.3.2`. Usage: benches/vader_ratio.sh [REPEAT] (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${1:-30}"
python3 -c 'import vaderSentiment' 2>/dev/null || pip install -q vaderSentiment==3.3.2
cargo build --release -q
DIR="$(mktemp -d)"; trap 'rm -rf "$DIR"' EXIT
python3 - "$REPEAT" "$DIR/corpus.jsonl" <<'PY'
import json, sys
rep, out = int(sys.argv[1]), sys.argv[2]
rows = [json.loads(l) for l in open("config/demo-mentions.jsonl")]
with open(out, "w") as f:
    for r in range(rep):
        for i, m in enumerate(rows):
            f.write(json.dumps({"id": f"{r}-{i}", "text": m["text"]}, ensure_ascii=False) + "\n")
PY
N=$(wc -l < "$DIR/corpus.jsonl")
VADER=$(taskset -c 0 python3 - "$DIR/corpus.jsonl" <<'PY'
import json, sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
a = SentimentIntensityAnalyzer()
t = time.perf_counter()
for x in texts:
    a.polarity_scores(x)
print(len(texts) / (time.perf_counter() - t))
PY
)
T0=$(date +%s.%N)
taskset -c 0 ./target/release/earshot classify --config config/earshot.toml --input "$DIR/corpus.jsonl" > /dev/null
T1=$(date +%s.%N)
python3 - "$N" "$VADER" "$T0" "$T1" <<'PY'
import sys
n, vader, t0, t1 = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
cli = n / (t1 - t0)
print(f"texts: {n}")
print(f"vaderSentiment polarity_scores: {vader:,.0f} texts/s (one core)")
print(f"earshot classify CLI (JSON in/out, full classification): {cli:,.0f} texts/s (one core) = {cli/vader:.1f}x VADER")
PY
