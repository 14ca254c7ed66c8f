#!/usr/bin/env bash
# End-to-end throughput through the real broker: N mentions (the demo corpus repeated with unique ids)
# replayed unthrottled through ingest → classify → aggregate in one process; reports mentions/s from
# "ready" to "every mention counted". Usage: benches/e2e.sh [N] (default 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
source deploy/tansu.sh
cargo build --release -q
tansu_start

DIR="$(mktemp -d -t earshot-bench.XXXXXX)"
python3 - "$N" "$DIR/input.jsonl" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
lines = [json.loads(l) for l in open("config/demo-mentions.jsonl")]
with open(out, "w") as f:
    for i in range(n):
        m = dict(lines[i % len(lines)]); m["id"] = f"bench-{i}"
        f.write(json.dumps(m, ensure_ascii=False) + "\n")
PY
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat > "$DIR/earshot.toml" <<TOML
[kafka]
brokers = "$KAFKA_TEST_BROKERS"
topic_prefix = "bench."
group_prefix = "bench-"
partitions = 3
[http]
bind = "127.0.0.1:$PORT"
$(sed -n '/^\[\[brands\]\]/,$p' config/earshot.toml | sed '/^\[\[sources\]\]/,$d')
[[sources]]
kind = "replay"
name = "bench"
path = "$DIR/input.jsonl"
rate_per_sec = 0
TOML
./target/release/earshot run --config "$DIR/earshot.toml" 2>"$DIR/earshot.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true; tansu_stop; rm -rf "$DIR"' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.1; done
START=$(date +%s.%N)
while true; do
  DONE=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '
    /^earshot_stage_messages_total\{stage="classify"/ {c += $2}
    /^earshot_stage_messages_total\{stage="aggregate",outcome="(counted|duplicate)"/ {a += $2}
    /^earshot_stage_messages_total\{stage="classify",outcome="enriched"/ {e += $2}
    END {print c+0, a+0}')
  set -- $DONE
  if [ "${1%.*}" -ge "$N" ] && [ "${2%.*}" -gt 0 ]; then
    sleep 1
    A2=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^earshot_stage_messages_total\{stage="aggregate",outcome="(counted|duplicate)"/ {a += $2} END {print a+0}')
    [ "$A2" = "$2" ] && break
  fi
  sleep 0.2
done
END=$(date +%s.%N)
python3 -c "import sys; n=$N; t=$END-$START-1.0; print(f'e2e: {n} mentions in {t:.1f} s = {n/t:.0f} mentions/s through tansu (ingest+classify+aggregate, one process)')"
echo "e2e: peak resident memory $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$PID/status)"
kill -TERM $PID; wait $PID || true
