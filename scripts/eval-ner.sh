#!/usr/bin/env bash
# Mention-level scores of Chinese people and organisations on labelled NER corpora in ../shared
# (not a test: the README test command never needs ../shared), then the list-level scores of
# scripts/eval.sh on ../shared/gold/entities.
#
#   People's Daily 1998 dev (char BIO), held-out fifth: every sentence whose 0-based number is
#   ≡ 4 (mod 5) — the sentences `gangmu train-ner` leaves out (it trains on the other four
#   fifths). PER → people, ORG → organizations. The whole dev set is scored too, for comparison
#   with figures from before it was trained on (four fifths of it are training data).
#   CLUENER2020 train, held-out split: every line whose 0-based number is ≡ 9 (mod 10) — the
#   lines `gangmu train-ner` leaves out. name → people; organization, government, company →
#   organizations.
#
# Usage: scripts/eval-ner.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$root/../shared}
ner="$shared/corpora/zh-ner"
if [ ! -f "$ner/peoples-daily-1998-dev.bio" ] || [ ! -f "$ner/cluener2020-train.jsonl" ] \
  || [ ! -f "$shared/eval/score.py" ]; then
  echo "eval-ner: no shared data at $shared (corpora/zh-ner/ and eval/ are needed); nothing measured." >&2
  exit 2
fi
shared=$(cd "$shared" && pwd)
ner="$shared/corpora/zh-ner"
# shellcheck source=scripts/measure-common.sh
source "$root/scripts/measure-common.sh"

python3 - "$ner" "$work" <<'PY'
import json, os, sys
ner, work = sys.argv[1], sys.argv[2]

def record(doc_id, text, spans):
    """spans: (type, start, end exclusive) → gold line in the analysis shape."""
    people, orgs = {}, {}
    for typ, s, e in sorted(set(spans), key=lambda t: t[1]):
        table = people if typ == "PER" else orgs
        table.setdefault(text[s:e], []).append({"start": s, "end": e})
    return {"id": doc_id, "text": text,
            "people": [{"name": n, "titles": [], "mentions": m} for n, m in people.items()],
            "organizations": [{"name": n, "aliases": [], "mentions": m} for n, m in orgs.items()]}

def write(name, records):
    with open(os.path.join(work, name + "-gold.jsonl"), "w", encoding="utf-8") as g, \
         open(os.path.join(work, name + "-in.jsonl"), "w", encoding="utf-8") as i:
        for r in records:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
            i.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")

# People's Daily 1998 dev: "char label" lines, sentences separated by blank lines.
records, chars, labels = [], [], []
def flush():
    if not chars:
        return
    spans, start, typ = [], None, None
    for k, lab in enumerate(labels + ["O"]):
        if start is not None and not lab.startswith("I-"):
            spans.append((typ, start, k)); start = None
        if lab.startswith("B-") and lab[2:] in ("PER", "ORG"):
            start, typ = k, lab[2:]
        elif lab.startswith("B-"):
            start = None
    records.append(record("pd-%d" % len(records), "".join(chars), spans))
    chars.clear(); labels.clear()
for line in open(os.path.join(ner, "peoples-daily-1998-dev.bio"), encoding="utf-8"):
    parts = line.rstrip("\n").split()
    if len(parts) < 2:
        flush(); continue
    chars.append(parts[0]); labels.append(parts[-1])
flush()
# Held-out fifth: sentence numbers count from 0 in file order, as in train.rs.
write("pd", [r for n, r in enumerate(records) if n % 5 == 4])
write("pdall", records)

# CLUENER2020 held-out tenth; label spans are inclusive.
kinds = {"name": "PER", "organization": "ORG", "government": "ORG", "company": "ORG"}
records = []
for n, line in enumerate(open(os.path.join(ner, "cluener2020-train.jsonl"), encoding="utf-8")):
    if n % 10 != 9:
        continue
    d = json.loads(line)
    spans = [(kinds[k], s, e + 1) for k, ents in d["label"].items() if k in kinds
             for occ in ents.values() for s, e in occ]
    records.append(record("cluener-%d" % n, d["text"], spans))
write("cluener", records)
PY

for set in pd:"People's Daily 1998 dev, held-out fifth (never trained on)" \
  cluener:"CLUENER2020 held-out tenth (never trained on)" \
  pdall:"People's Daily 1998 dev, all of it (four fifths are training data: not a held-out score)"; do
  name=${set%%:*}
  echo "== $name: ${set#*:}, mention level (score.py)"
  "$gangmu" analyze --jsonl "$work/$name-in.jsonl" > "$work/$name-pred.jsonl"
  python3 "$shared/eval/score.py" "$work/$name-gold.jsonl" "$work/$name-pred.jsonl" | tr '|' '\n'
done

echo "== scripts/eval.sh (gold documents, lists, speed)"
"$root/scripts/eval.sh" "$shared"
