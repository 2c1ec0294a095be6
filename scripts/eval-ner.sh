#!/usr/bin/env bash
# Mention-level scores of Chinese people and organisations on labelled NER corpora in ../shared
# (not a test: the README test command never needs ../shared), then the list-level scores of
# scripts/eval.sh on ../shared/gold/entities.
#
#   People's Daily 1998 dev (char BIO), cross-validated: the shipped tagger is trained on all of
#   it, so each fifth (sentences whose 0-based number is ≡ K mod 5) is scored by a tagger that
#   `gangmu train-ner --pd-fold K` trains without that fifth (5 trainings, ~1 min). The five
#   held-out predictions are pooled and scored as one set, and each fifth on its own.
#   PER → people, ORG → organizations.
#   CLUENER2020 train, held-out split: every line whose 0-based number is ≡ 9 (mod 10) — the
#   lines `gangmu train-ner` leaves out — scored with the shipped tagger. name → people;
#   organization, government, company → organizations.
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
# Fifths: sentence numbers count from 0 in file order, as in train.rs.
for k in range(5):
    write("pd%d" % k, [r for n, r in enumerate(records) if n % 5 == k])
write("pd", [r for k in range(5) for n, r in enumerate(records) if n % 5 == k])

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

echo "== People's Daily 1998 dev, each fifth held out in turn (train-ner --pd-fold K), mention level (score.py)"
for k in 0 1 2 3 4; do
  "$gangmu" train-ner --pd-fold "$k" -o "$work/pd$k.bin" "$ner" > "$work/train$k.log" 2>&1
  "$gangmu" analyze --jsonl --zh-model "$work/pd$k.bin" "$work/pd$k-in.jsonl" > "$work/pd$k-pred.jsonl"
  printf 'fifth %s: ' "$k"
  python3 "$shared/eval/score.py" "$work/pd$k-gold.jsonl" "$work/pd$k-pred.jsonl" | grep -o 'micro.*F1=[0-9.]*'
done
cat "$work"/pd[0-4]-pred.jsonl > "$work/pd-pred.jsonl"
echo "all five fifths pooled:"
python3 "$shared/eval/score.py" "$work/pd-gold.jsonl" "$work/pd-pred.jsonl" | tr '|' '\n'

echo "== CLUENER2020 held-out tenth (never trained on), shipped tagger, mention level (score.py)"
"$gangmu" analyze --jsonl "$work/cluener-in.jsonl" > "$work/cluener-pred.jsonl"
python3 "$shared/eval/score.py" "$work/cluener-gold.jsonl" "$work/cluener-pred.jsonl" | tr '|' '\n'

echo "== scripts/eval.sh (gold documents, lists, speed)"
"$root/scripts/eval.sh" "$shared"
