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

echo "== outline of the numbered reports in corpora/zh-docs (no gold: headings per level, for a look)"
python3 - "$gangmu" "$shared/corpora/zh-docs" <<'PY'
import collections, json, pathlib, subprocess, sys
gangmu, docs = sys.argv[1], pathlib.Path(sys.argv[2])
for f in sorted(list(docs.glob("gov-work-reports/*.txt")) + list(docs.glob("cpc-congress-reports/*"))):
    a = json.loads(subprocess.run([gangmu, "analyze", str(f)], capture_output=True, text=True, check=True).stdout)
    levels, kinds = collections.Counter(), collections.Counter()
    def walk(nodes):
        for n in nodes:
            levels[n["level"]] += 1; kinds[n.get("kind")] += 1; walk(n["children"])
    walk(a["outline"])
    print(f"{f.name:<16} levels {dict(sorted(levels.items()))}  kinds {dict(kinds)}")
PY

echo "== speed: native release, one core, news transcripts (corpora/zh-docs/cctv-news)"
for mb in 1 5; do
  head -c $((mb * 1000000)) < <(cat "$shared"/corpora/zh-docs/cctv-news/*/*.md) > "$work/news-$mb.txt"
  python3 - "$gangmu" "$work/news-$mb.txt" "$mb" <<'PY'
import json, subprocess, sys, time
gangmu, path, mb = sys.argv[1], sys.argv[2], sys.argv[3]
best = None
for _ in range(3):
    t = time.perf_counter()
    out = subprocess.run([gangmu, "analyze", path], capture_output=True, check=True).stdout
    best = min(best or 1e9, time.perf_counter() - t)
chars = json.loads(out)["chars"]
print(f"{mb} MB ({chars:,} chars): {best:.2f} s, {chars / best / 1e6:.2f} M chars/s, {int(mb) / best:.2f} MB/s (best of 3, process start and JSON output included)")
PY
done
