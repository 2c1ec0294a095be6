#!/usr/bin/env bash
# Speed benchmark (not a test; needs ../shared): `gangmu analyze` natively (release, one core)
# and the built app in headless Chromium on 1, 5 and 20 MB of ../shared/corpora/zh-docs/cctv-news,
# with jieba-wasm's tag() timed on the same text in the same browser. Prints chars/s, the ratio
# to jieba-wasm, how time grows with size, and peak memory (native: max RSS; browser: resident
# memory of all its processes). Uses dist/ as built (run `trunk build --release --offline` or
# scripts/test.sh first).
#
# Usage: scripts/bench.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$root/../shared}
news="$shared/corpora/zh-docs/cctv-news"
if [ ! -d "$news" ]; then
  echo "bench: no news corpus at $news (../shared/corpora/zh-docs/cctv-news is needed); nothing measured." >&2
  exit 2
fi
if [ ! -f "$root/dist/index.html" ]; then
  echo "bench: no dist/ (build it first: source scripts/env.sh && trunk build --release --offline)" >&2
  exit 2
fi
# shellcheck source=scripts/measure-common.sh
source "$root/scripts/measure-common.sh"

# The inputs: whole days of transcripts, in date order, cut at a line end near the size.
python3 - "$news" "$work" <<'PY'
import pathlib, sys
news, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = "".join(p.read_text(encoding="utf-8") for p in sorted(news.rglob("*.md")))
for mb in (1, 5, 20):
    cut = text.encode("utf-8")[: mb * 1_000_000].decode("utf-8", "ignore")
    cut = cut[: cut.rfind("\n") + 1]
    (work / f"news-{mb}mb.txt").write_text(cut, encoding="utf-8")
PY

echo "== native: gangmu analyze (release, one core; process start and JSON output included)"
printf 'file\tchars\tseconds\tMchars/s\tMB/s\tmax_RSS_MB\n'
for mb in 1 5 20; do
  f="$work/news-${mb}mb.txt"
  chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$f")
  bytes=$(stat -c %s "$f")
  /usr/bin/time -f '%e %M' -o "$work/time" taskset -c 0 "$gangmu" analyze "$f" > /dev/null
  read -r secs rss < "$work/time"
  python3 -c 'import sys; c,b,s,r=int(sys.argv[2]),int(sys.argv[3]),float(sys.argv[4]),int(sys.argv[5]); print(f"{sys.argv[1]}\t{c}\t{s:.2f}\t{c/s/1e6:.2f}\t{b/s/1e6:.2f}\t{r/1024:.0f}")' \
    "news-${mb}mb.txt" "$chars" "$bytes" "$secs" "$rss"
done

echo "== browser: the app's worker (data-analysis-ms) vs jieba-wasm tag() in the same page"
(cd "$root/tests/browser" && node bench.mjs "$root/dist" "$work/news-1mb.txt" "$work/news-5mb.txt" "$work/news-20mb.txt")
echo "(ratio = jieba-wasm time / Gangmu time: ≥ 1 means the whole analysis is at least as fast as jieba's tagging alone;"
echo " linear growth: Mchars/s stays about the same from 1 to 20 MB)"
