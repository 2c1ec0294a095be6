#!/usr/bin/env bash
# Measures analysis quality on the development gold in ../shared (not a test: the README test
# command never needs ../shared). Prints the scorers' figures for entities and outlines.
# Usage: scripts/eval.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$root/../shared}
if [ ! -d "$shared/gold" ] || [ ! -d "$shared/eval" ]; then
  echo "eval: no shared data at $shared (gold/ and eval/ are needed); nothing measured." >&2
  exit 2
fi
shared=$(cd "$shared" && pwd)
cargo build --release --quiet -p gangmu-cli --manifest-path "$root/Cargo.toml"
gangmu="$root/target/release/gangmu"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Gold .txt files → {"id","text"} lines; gold JSON → one gold line each.
python3 - "$shared/gold" "$work" <<'PY'
import json, os, sys
gold, work = sys.argv[1], sys.argv[2]
for kind, suffix in (("entities", ".gold.json"), ("outlines", ".outline.json")):
    d = os.path.join(gold, kind)
    with open(os.path.join(work, f"{kind}-in.jsonl"), "w", encoding="utf-8") as inp, \
         open(os.path.join(work, f"{kind}-gold.jsonl"), "w", encoding="utf-8") as g:
        for name in sorted(os.listdir(d)):
            if not name.endswith(suffix):
                continue
            doc_id = name[: -len(suffix)]
            text = open(os.path.join(d, doc_id + ".txt"), encoding="utf-8").read()
            inp.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            gj = json.load(open(os.path.join(d, name), encoding="utf-8"))
            gj["id"] = doc_id
            g.write(json.dumps(gj, ensure_ascii=False) + "\n")
PY

"$gangmu" analyze --jsonl "$work/entities-in.jsonl" > "$work/entities-pred.jsonl"
"$gangmu" analyze --jsonl "$work/outlines-in.jsonl" > "$work/outlines-pred.jsonl"

echo "== entities: mention level (score.py)"
python3 "$shared/eval/score.py" "$work/entities-gold.jsonl" "$work/entities-pred.jsonl"
echo "== entities: lists as a user sees them (score_doc_lists.py)"
python3 "$shared/eval/score_doc_lists.py" "$shared/gold/entities" "$work/entities-pred.jsonl"
echo "== outline (score_outline.py)"
python3 "$shared/eval/score_outline.py" "$shared/gold/outlines" "$work/outlines-pred.jsonl"
