#!/usr/bin/env bash
# English quality figures on ../shared (not a test: the README test command never needs
# ../shared):
#
#   1. CoNLL++ dev (conllpp-dev.txt), every sentence, tokens joined by single spaces, one record
#      per sentence: PER → people, ORG → organizations, mention level (score.py). `gangmu
#      train-ner-en` never trains on it: it stands in for the unseen CoNLL++ test set.
#      Then the same per CoNLL document (its sentences one per line), as a longer text would be.
#   2. re3d (re3d-train.conll), held-out fifth: sentences whose 0-based number is ≡ 4 (mod 5) —
#      the sentences `gangmu train-ner-en` leaves out. Person → people, Organisation →
#      organizations.
#   3. CRS reports (en-docs/crs-reports), outline heading F1 against a *silver* gold: the
#      entries of each report's own contents list (`- [Title](…#_Toc…)`, Figure/Table captions
#      left out) found as standalone lines in the body, plus a standalone `Summary` line. The
#      `#` lines (title block, Contents, Footnotes) and caption lines are optional. Reports without
#      a contents list are left out (no gold). Two inputs: the report as it is, and the report
#      with its contents list blanked out (then the analyser has to find the lines by their look
#      alone). Levels are not scored (the contents lists are flat). Reports whose sorted index is
#      ≡ 4 (mod 5) were held out of all tuning of the English outline rules: their figures are
#      printed separately.
#
# Usage: scripts/eval-en.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$root/../shared}
ner="$shared/corpora/en-ner"
crs="$shared/corpora/en-docs/crs-reports"
if [ ! -f "$ner/conllpp-dev.txt" ] || [ ! -f "$ner/re3d-train.conll" ] || [ ! -d "$crs" ] \
  || [ ! -f "$shared/eval/score.py" ] || [ ! -f "$shared/eval/score_outline.py" ]; then
  echo "eval-en: no shared data at $shared (corpora/en-ner/, corpora/en-docs/crs-reports/ and eval/ are needed); nothing measured." >&2
  exit 2
fi
shared=$(cd "$shared" && pwd)
ner="$shared/corpora/en-ner"
crs="$shared/corpora/en-docs/crs-reports"
# shellcheck source=scripts/measure-common.sh
source "$root/scripts/measure-common.sh"

python3 - "$ner" "$crs" "$work" <<'PY'
import json, os, re, sys
ner, crs, work = sys.argv[1], sys.argv[2], sys.argv[3]

def record(doc_id, text, spans):
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

def sentences(path, sep, kinds):
    """Column files: token … label; blank lines between sentences; -DOCSTART- skipped.
    Yields (text, spans) with tokens joined by single spaces; B-/I- read as IOB2 (an I- of
    another type opens a span)."""
    toks, labs = [], []
    def flush():
        if not toks:
            return None
        text, spans, start, typ, offs = "", [], None, None, []
        for t in toks:
            if text:
                text += " "
            offs.append((len(text), len(text) + len(t)))
            text += t
        for k, lab in enumerate(labs + ["O"]):
            kind = kinds.get(lab[2:]) if lab != "O" else None
            if start is not None and not (lab.startswith("I-") and kind == typ):
                spans.append((typ, offs[start][0], offs[k - 1][1])); start = None
            if kind and (lab.startswith("B-") or start is None):
                if start is None or lab.startswith("B-"):
                    start, typ = k, kind
        out = (text, spans)
        toks.clear(); labs.clear()
        return out
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        parts = line.split(sep) if sep else line.split()
        if len(parts) < 2 or parts[0] == "-DOCSTART-":
            s = flush()
            if s: yield s
            continue
        toks.append(parts[0]); labs.append(parts[-1])
    s = flush()
    if s: yield s

conll = [record("conll-%d" % n, t, s) for n, (t, s) in enumerate(
    sentences(os.path.join(ner, "conllpp-dev.txt"), None, {"PER": "PER", "ORG": "ORG"}))]
write("conll", conll)

# The same sentences, one record per CoNLL document (-DOCSTART-), sentences on their own lines.
docs, cur = [], None
with open(os.path.join(ner, "conllpp-dev.txt"), encoding="utf-8") as f:
    lines = f.read().split("\n")
starts = [k for k, l in enumerate(lines) if l.startswith("-DOCSTART-")] + [len(lines)]
tmp = os.path.join(work, "doc.tmp")
for d, (a, b) in enumerate(zip(starts, starts[1:])):
    open(tmp, "w", encoding="utf-8").write("\n".join(lines[a + 1:b]) + "\n")
    text, spans = "", []
    for t, sp in sentences(tmp, None, {"PER": "PER", "ORG": "ORG"}):
        base = len(text) + (1 if text else 0)
        text = text + "\n" + t if text else t
        spans.extend((k, s + base, e + base) for k, s, e in sp)
    docs.append(record("conlldoc-%d" % d, text, spans))
write("conlldoc", docs)
re3d = [record("re3d-%d" % n, t, s) for n, (t, s) in enumerate(
    sentences(os.path.join(ner, "re3d-train.conll"), "\t", {"Person": "PER", "Organisation": "ORG"}))
    if n % 5 == 4]
write("re3d", re3d)

# CRS silver outlines.
def norm(s):
    return " ".join(s.replace("&amp;", "&").split())
for variant in ("full", "nocontents"):
    for sub in ("all", "heldout"):
        os.makedirs(os.path.join(work, "crs-%s-%s" % (variant, sub)), exist_ok=True)
inputs = {v: open(os.path.join(work, "crs-%s-in.jsonl" % v), "w", encoding="utf-8")
          for v in ("full", "nocontents")}
for index, name in enumerate(sorted(os.listdir(crs))):
    if not name.endswith(".md"):
        continue
    text = open(os.path.join(crs, name), encoding="utf-8").read()
    lines = text.split("\n")
    toc = [(k, m.group(1)) for k, l in enumerate(lines)
           for m in [re.match(r"^- \[(.*)\]\(.*_Toc.*\)\s*$", l)] if m]
    if not toc:
        continue
    last_toc = max(k for k, _ in toc)
    gold, used = [], set()
    wanted = [norm(t) for _, t in toc if not re.match(r"^(Figure|Table) ", t)]
    def find(title, after):
        for k in range(after, len(lines)):
            if k not in used and norm(lines[k]) == title:
                return k
        return None
    summary = find("Summary", last_toc + 1)
    if summary is not None and "Summary" not in wanted:
        used.add(summary); gold.append(summary)
    cursor = last_toc + 1
    for title in wanted:
        k = find(title, cursor)
        if k is None:
            k = find(title, last_toc + 1)
        if k is None:
            continue
        used.add(k); gold.append(k); cursor = k + 1
    gold.sort()
    optional = [k for k, l in enumerate(lines)
                if k not in used and (l.startswith("#") or re.match(r"^(Figure|Table) \d", l.strip()))]
    doc_id = name[:-3]
    blanked = "\n".join("" if k in {k for k, _ in toc} else l for k, l in enumerate(lines))
    for variant, body in (("full", text), ("nocontents", blanked)):
        offsets, pos = [], 0
        for l in body.split("\n"):
            offsets.append(pos); pos += len(l) + 1
        def node(k):
            s = offsets[k] + (len(lines[k]) - len(lines[k].lstrip()))
            t = lines[k].strip()
            return {"title": t, "level": 1, "start": s, "end": s + len(t), "children": []}
        outline = {"id": doc_id, "language": "en", "outline": [node(k) for k in gold],
                   "optional": [dict(node(k), kind="silver_optional") for k in optional]}
        for sub in ("all",) + (("heldout",) if index % 5 == 4 else ()):
            d = os.path.join(work, "crs-%s-%s" % (variant, sub))
            open(os.path.join(d, doc_id + ".txt"), "w", encoding="utf-8").write(body)
            json.dump(outline, open(os.path.join(d, doc_id + ".outline.json"), "w", encoding="utf-8"))
        inputs[variant].write(json.dumps({"id": doc_id, "text": body}, ensure_ascii=False) + "\n")
for f in inputs.values():
    f.close()
PY

for set in conll:"CoNLL++ dev, every sentence (never trained on)" \
  conlldoc:"CoNLL++ dev, one text per document (sentences on their own lines)" \
  re3d:"re3d held-out fifth (never trained on)"; do
  name=${set%%:*}
  echo "== $name: ${set#*:}, mention level (score.py)"
  "$gangmu" analyze --jsonl "$work/$name-in.jsonl" > "$work/$name-pred.jsonl"
  python3 "$shared/eval/score.py" "$work/$name-gold.jsonl" "$work/$name-pred.jsonl" | tr '|' '\n'
done

for variant in full:"as published (contents list kept)" nocontents:"contents list blanked out"; do
  v=${variant%%:*}
  "$gangmu" analyze --jsonl "$work/crs-$v-in.jsonl" > "$work/crs-$v-pred.jsonl"
  for sub in all:"all reports with a contents list" heldout:"held-out reports (index ≡ 4 mod 5)"; do
    s=${sub%%:*}
    echo "== CRS silver outlines, ${variant#*:}, ${sub#*:} (score_outline.py; levels not scored)"
    python3 "$shared/eval/score_outline.py" "$work/crs-$v-$s" "$work/crs-$v-pred.jsonl" \
      | { if [ "$s" = all ]; then tail -1; else cat; fi; }
  done
done

echo "== native speed, release: English CRS reports, all concatenated ×4"
python3 - "$crs" "$work/en-big.txt" <<'PY'
import os, sys
crs, out = sys.argv[1], sys.argv[2]
text = "\n\n".join(open(os.path.join(crs, n), encoding="utf-8").read() for n in sorted(os.listdir(crs)) if n.endswith(".md"))
open(out, "w", encoding="utf-8").write("\n\n".join([text] * 4))
PY
bytes=$(wc -c < "$work/en-big.txt")
start=$(date +%s.%N)
"$gangmu" analyze "$work/en-big.txt" > /dev/null
end=$(date +%s.%N)
python3 -c "import sys; b,s,e=map(float,sys.argv[1:]); print('analyze: %.1f MB in %.2f s = %.2f MB/s' % (b/1e6, e-s, b/1e6/(e-s)))" "$bytes" "$start" "$end"
