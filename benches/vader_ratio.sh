#!/usr/bin/env bash
# Python vaderSentiment vs Earshot on the same corpus, in one run, one core each (taskset -c 0):
#  - sentiment alone: vaderSentiment's polarity_scores loop vs Earshot's sentiment scorer loop
#    (examples/sentiment_rate.rs), both over texts already in memory;
#  - full classification through the CLI (`earshot classify`: JSON in and out, brands, language,
#    sentiment, signals, categories, influence), process start-up included.
# The three are run interleaved RUNS times (default 3), and each one's best rate is compared (the
# range is printed too): this machine is a VM whose speed drifts by up to half over minutes, Python
# and Rust alike, so a single run can pair VADER's fast moment with Earshot's slow one or the reverse.
# Needs `pip install vaderSentiment==3.3.2`.
# Usage: benches/vader_ratio.sh [REPEAT] [CORPUS] [RUNS]
#   CORPUS demo (default): config/demo-mentions.jsonl, REPEAT times (short posts, 7 languages);
#   CORPUS eval: the texts of ../shared/eval/*.jsonl (real reviews, tweets and forum posts; read
#   where they lie, never copied), REPEAT times.
#   CORPUS stream: REPEAT × 10,000 texts that do not repeat, as on a live stream: each is two texts
#   of one dev set joined (sets drawn by size, seeded). Repeated corpora let the regexes' lazy
#   DFAs warm up on texts they have seen; this one does not.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${1:-30}"
CORPUS="${2:-demo}"
RUNS="${3:-3}"
python3 -c 'import vaderSentiment' 2>/dev/null || pip install -q vaderSentiment==3.3.2
cargo build --release -q
cargo build --release -q --example sentiment_rate
DIR="$(mktemp -d)"; trap 'rm -rf "$DIR"' EXIT
python3 - "$REPEAT" "$DIR/corpus.jsonl" "$CORPUS" <<'PY'
import glob, json, sys
rep, out, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3]
if corpus == "demo":
    texts = [json.loads(l)["text"] for l in open("config/demo-mentions.jsonl")]
elif corpus in ("eval", "stream"):
    files = sorted(glob.glob("../shared/eval/*.jsonl"))
    if not files:
        sys.exit("../shared/eval/*.jsonl not found")
    sets = [[json.loads(l)["text"] for l in open(f)] for f in files]
    texts = [t for s in sets for t in s]
    if corpus == "stream":
        import random
        random.seed(5)
        sizes = [len(s) for s in sets]
        pick = lambda: random.choices(sets, sizes)[0]
        texts = [" ".join(random.choices(s, k=2)) for s in (pick() for _ in range(rep * 10000))]
        rep = 1
else:
    sys.exit(f"unknown corpus {corpus!r} (demo, eval, stream)")
with open(out, "w") as f:
    for r in range(rep):
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"{r}-{i}", "text": t}, ensure_ascii=False) + "\n")
PY
N=$(wc -l < "$DIR/corpus.jsonl")

vader_rate() {
  taskset -c 0 python3 - "$DIR/corpus.jsonl" <<'PY'
import json, sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
a = SentimentIntensityAnalyzer()
t = time.perf_counter()
for x in texts:
    a.polarity_scores(x)
print(len(texts) / (time.perf_counter() - t))
PY
}

cli_rate() {
  local t0 t1
  t0=$(date +%s.%N)
  taskset -c 0 ./target/release/earshot classify --config config/earshot.toml \
    --input "$DIR/corpus.jsonl" > /dev/null
  t1=$(date +%s.%N)
  python3 -c "print($N / ($t1 - $t0))"
}

VADER=""; SENT=""; CLI=""
for _ in $(seq "$RUNS"); do
  VADER="$VADER $(vader_rate)"
  SENT="$SENT $(taskset -c 0 ./target/release/examples/sentiment_rate "$DIR/corpus.jsonl")"
  CLI="$CLI $(cli_rate)"
done

python3 - "$N" "$CORPUS" "$VADER" "$SENT" "$CLI" <<'PY'
import sys
n, corpus = int(sys.argv[1]), sys.argv[2]
vader, sent, cli = ([float(x) for x in a.split()] for a in sys.argv[3:6])
def show(xs):
    return f"{max(xs):,.0f} texts/s (best of {len(xs)}, range {min(xs):,.0f}-{max(xs):,.0f})"
print(f"corpus: {corpus}, {n} texts, one core each")
print(f"vaderSentiment polarity_scores: {show(vader)}")
print(f"earshot sentiment alone:        {show(sent)} = {max(sent) / max(vader):.1f}x VADER (goal 50x)")
print(f"earshot classify CLI (JSON in/out, full classification): {show(cli)} = {max(cli) / max(vader):.1f}x VADER (goal 20x)")
PY
