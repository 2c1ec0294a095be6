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
# shellcheck source=scripts/measure-common.sh
source "$root/scripts/measure-common.sh"

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

echo "== key terms: does a section's top-5 say what its heading says? (numbered reports; titles are not counted as text)"
python3 - "$gangmu" "$shared/corpora/zh-docs" <<'PY'
import collections, json, pathlib, re, subprocess, sys
gangmu, docs = sys.argv[1], pathlib.Path(sys.argv[2])
# ours vs a naive baseline: the section's five most frequent Chinese character bigrams
score = {"gangmu": [0, 0], "baseline (top bigrams)": [0, 0]}
GENERIC = set("发展 建设 推进 加强 坚持 全面 工作 深化 提高 推动 实施 进一步 完善 健全 促进 加快 增强 强化 "
              "改革 社会 经济 国家 我国 人民 体系 体制 机制 能力 水平 质量 积极 切实 扎实 不断 持续 "
              "大力 努力 着力 更加 保持 提升 优化 稳定 有效 重点 主要 政府 领导 管理 服务 做好 抓好".split())
for f in sorted(list(docs.glob("gov-work-reports/*.txt")) + list(docs.glob("cpc-congress-reports/*"))):
    text = f.read_text(encoding="utf-8")
    a = json.loads(subprocess.run([gangmu, "analyze", str(f)], capture_output=True, text=True, check=True).stdout)
    titles = []
    def spans(nodes, end):
        for i, n in enumerate(nodes):
            stop = nodes[i + 1]["start"] if i + 1 < len(nodes) else end
            titles.append((n["start"], n["end"]))
            yield n, stop
            yield from spans(n["children"], stop)
    sections = list(spans(a["outline"], len(text)))
    for n, stop in sections:
        title = re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、，]?", "", n["title"])
        if n.get("kind") != "numbered" or not n["keywords"] or len(title) < 6:
            continue
        body = "".join(ch for i, ch in enumerate(text[n["start"]:stop], n["start"])
                       if not any(s <= i < e for s, e in titles))
        bigrams = collections.Counter(body[i:i + 2] for i in range(len(body) - 1)
                                      if all("\u4e00" <= c <= "\u9fff" for c in body[i:i + 2]))
        for name, terms in (("gangmu", n["keywords"][:5]), ("baseline (top bigrams)", [b for b, _ in bigrams.most_common(5)])):
            # A hit shares a content bigram with the heading; officialese (发展, 加强…) does not count.
            grams = {t[i:i + 2] for t in terms for i in range(len(t) - 1)} - GENERIC
            score[name][0] += any(g in title for g in grams)
            score[name][1] += 1
for name, (hit, total) in score.items():
    print(f"{name:<24} sections whose heading contains one of their top-5 terms: {hit}/{total} = {hit / max(total, 1):.3f}")
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
