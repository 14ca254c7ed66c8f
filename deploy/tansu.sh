# Sourced by deploy/test.sh and benches/e2e.sh: installs tansu once into a cache, starts it on a free
# loopback port with a temporary SQLite file, and stops it (removing its files) when the caller exits.
# After `tansu_start`: KAFKA_TEST_BROKERS=127.0.0.1:PORT, TANSU_WORK=temp dir, TANSU_PID.

TANSU_VERSION="${TANSU_VERSION:-0.6.0}"
EARSHOT_CACHE="${EARSHOT_CACHE:-$HOME/.cache/earshot}"
TANSU_ROOT="$EARSHOT_CACHE/tansu-$TANSU_VERSION"
TANSU="$TANSU_ROOT/bin/tansu"
TANSU_PID=""
TANSU_WORK=""

tansu_install() {
  if [ ! -x "$TANSU" ]; then
    echo "tansu: installing $TANSU_VERSION into $TANSU_ROOT (one time, 10-16 minutes on 2 cores)"
    mkdir -p "$TANSU_ROOT"
    cargo install tansu --version "$TANSU_VERSION" --features libsql --locked --root "$TANSU_ROOT"
  fi
}

tansu_stop() {
  if [ -n "$TANSU_PID" ] && kill -0 "$TANSU_PID" 2>/dev/null; then
    kill "$TANSU_PID" 2>/dev/null || true
    wait "$TANSU_PID" 2>/dev/null || true
  fi
  [ -n "$TANSU_WORK" ] && rm -rf "$TANSU_WORK"
  TANSU_PID=""
}

tansu_start() {
  tansu_install
  TANSU_WORK="$(mktemp -d -t earshot-tansu.XXXXXX)"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  trap tansu_stop EXIT
  trap 'tansu_stop; exit 130' INT TERM
  # tansu reads the path after sqlite:// as relative: run it inside the temporary directory.
  (cd "$TANSU_WORK" && exec "$TANSU" broker \
    --listener-url "tcp://127.0.0.1:$port" \
    --advertised-listener-url "tcp://127.0.0.1:$port" \
    --storage-engine "sqlite://tansu.db" \
    >"$TANSU_WORK/tansu.log" 2>&1) &
  TANSU_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export KAFKA_TEST_BROKERS="127.0.0.1:$port"
      echo "tansu: $TANSU_VERSION listening on $KAFKA_TEST_BROKERS"
      return 0
    fi
    if ! kill -0 "$TANSU_PID" 2>/dev/null; then
      echo "tansu: exited at start-up:"; cat "$TANSU_WORK/tansu.log"; return 1
    fi
    sleep 0.1
  done
  echo "tansu: not listening after 10 s"; return 1
}
