#!/usr/bin/env bash
# Accuracy by text length and time per text of whatlang, lingua and Earshot's LangDetector on
#  - rows_eval: texts of ../shared/eval (en tweets and forum sentences, fa reviews, ar tweets), a
#    seeded sample, labelled by their file's language: independent of Earshot;
#  - rows_own: the golden set and the demo corpus's tagged posts (7 languages), labelled by the
#    project, so Earshot's figure there is optimistic.
set -euo pipefail
cd "$(dirname "$0")"
DIR="$(mktemp -d)"; trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR" <<'PY'
import json, random, sys
d = sys.argv[1]
random.seed(7)
own = open(f"{d}/rows_own.jsonl", "w"); ev = open(f"{d}/rows_eval.jsonl", "w")
for l in open("../../tests/fixtures/classify-golden.jsonl"):
    r = json.loads(l); g = r["expect"]["lang"]
    if g in ("en", "es", "fr", "de", "pt", "fa", "ar") and r["text"].strip():
        own.write(json.dumps({"text": r["text"], "lang": g}, ensure_ascii=False) + "\n")
for l in open("../../config/demo-mentions.jsonl"):
    r = json.loads(l)
    if r.get("lang"):
        own.write(json.dumps({"text": r["text"], "lang": r["lang"]}, ensure_ascii=False) + "\n")
for fn, lang, k in [("complaints_dev", "en", 600), ("suggestions_dev", "en", 600),
                    ("sentiment_fa_dev", "fa", 608), ("sentiment_ar_dev", "ar", 800)]:
    rows = [json.loads(l)["text"] for l in open(f"../../../shared/eval/{fn}.jsonl")]
    random.shuffle(rows)
    for t in rows[:k]:
        ev.write(json.dumps({"text": t, "lang": lang}, ensure_ascii=False) + "\n")
PY
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-target}/release/lang_compare"
echo "== independent (dev-set texts)"; "$BIN" "$DIR/rows_eval.jsonl"
echo "== project-labelled (golden set + demo)"; "$BIN" "$DIR/rows_own.jsonl"
