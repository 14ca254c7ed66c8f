#!/usr/bin/env bash
# Runs every test against a real Kafka-compatible broker (tansu) and the embedded mock cluster.
#
#  1. installs tansu 0.6.0 once into a cache (~10 min on 2 cores the first time; reused after),
#  2. starts it on a free loopback port with a temporary SQLite file,
#  3. runs `cargo test` with KAFKA_TEST_BROKERS pointing at it,
#  4. stops the broker and removes its files on exit, also on failure.
#
# Environment: TANSU_VERSION (default 0.6.0), EARSHOT_CACHE (default ~/.cache/earshot),
# extra arguments replace `--all-targets` in `cargo test` (e.g. `--test pipeline restart`).
set -euo pipefail

cd "$(dirname "$0")/.."
TANSU_VERSION="${TANSU_VERSION:-0.6.0}"
CACHE="${EARSHOT_CACHE:-$HOME/.cache/earshot}"
TANSU_ROOT="$CACHE/tansu-$TANSU_VERSION"
TANSU="$TANSU_ROOT/bin/tansu"

if [ ! -x "$TANSU" ]; then
  echo "test.sh: installing tansu $TANSU_VERSION into $TANSU_ROOT (one time, ~10 minutes)"
  mkdir -p "$TANSU_ROOT"
  cargo install tansu --version "$TANSU_VERSION" --features libsql --locked --root "$TANSU_ROOT"
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

WORK="$(mktemp -d -t earshot-test.XXXXXX)"
PORT="$(free_port)"
TANSU_PID=""
cleanup() {
  if [ -n "$TANSU_PID" ] && kill -0 "$TANSU_PID" 2>/dev/null; then
    kill "$TANSU_PID" 2>/dev/null || true
    wait "$TANSU_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# tansu reads the path after sqlite:// as relative: run it inside the temporary directory.
(cd "$WORK" && exec "$TANSU" broker \
  --listener-url "tcp://127.0.0.1:$PORT" \
  --advertised-listener-url "tcp://127.0.0.1:$PORT" \
  --storage-engine "sqlite://tansu.db" \
  >"$WORK/tansu.log" 2>&1) &
TANSU_PID=$!

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  if ! kill -0 "$TANSU_PID" 2>/dev/null; then
    echo "test.sh: tansu exited at start-up:"; cat "$WORK/tansu.log"; exit 1
  fi
  sleep 0.1
done
echo "test.sh: tansu $TANSU_VERSION listening on 127.0.0.1:$PORT (log: $WORK/tansu.log)"

export KAFKA_TEST_BROKERS="127.0.0.1:$PORT"
status=0
if [ "$#" -gt 0 ]; then
  cargo test --release "$@" || status=$?
else
  cargo test --release --all-targets || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "test.sh: tests failed; last lines of the broker log:"; tail -n 30 "$WORK/tansu.log" || true
fi
exit "$status"
