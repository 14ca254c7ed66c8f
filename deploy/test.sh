#!/usr/bin/env bash
# Runs every test against a real Kafka-compatible broker (tansu) and the embedded mock cluster:
# installs tansu 0.6.0 once into ~/.cache/earshot (10-16 minutes on 2 cores the first time), starts
# it on a free loopback port with a temporary SQLite file, runs `cargo test` with KAFKA_TEST_BROKERS
# pointing at it, and stops the broker on exit, also on failure.
#
# Arguments replace `--all-targets` in `cargo test` (e.g. `./deploy/test.sh --test pipeline restart`).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/tansu.sh
source deploy/tansu.sh
tansu_start

status=0
if [ "$#" -gt 0 ]; then
  cargo test --release "$@" || status=$?
else
  cargo test --release --all-targets || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "test.sh: tests failed; last lines of the broker log:"
  tail -n 30 "$TANSU_WORK/tansu.log" || true
fi
exit "$status"
