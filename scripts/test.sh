#!/usr/bin/env bash
# README command 2: runs every test, stopping at the first failure.
#
#   1. installs missing dependencies (scripts/install-deps.sh, idempotent)
#   2. cargo fmt --check
#   3. cargo clippy, native (whole workspace, all targets) and wasm32
#   4. cargo test --workspace
#   5. trunk build --release --offline  -> dist/
#   6. browser tests (tests/browser, node --test + headless Chromium) on dist/
#
# Never reads anything outside this repository.
#
#   KEEP_GOING=1 scripts/test.sh   # run every step even after a failure, then
#                                  # list the failed steps (exit status 1)
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

START=$SECONDS
TIMINGS=()
FAILED=()
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT

# logged FILE cmd args...: runs cmd, showing its output and keeping a copy.
logged() {
    local file="$1"
    shift
    "$@" 2>&1 | tee "$LOGS/$file"
}

# run "label" cmd args...: runs one step, fails fast with a clear message
# (or, with KEEP_GOING=1, records the failure and goes on).
run() {
    local label="$1"
    shift
    step "$label"
    echo "    \$ $*"
    local t0=$SECONDS
    LAST_OK=1
    if ! "$@"; then
        LAST_OK=0
        printf '\nFAILED: %s\n    command: %s\n' "$label" "$*" >&2
        TIMINGS+=("$(printf '%4ds  %s  FAILED' $((SECONDS - t0)) "$label")")
        FAILED+=("$label")
        [[ "${KEEP_GOING:-0}" == 1 ]] || exit 1
        return 0
    fi
    TIMINGS+=("$(printf '%4ds  %s' $((SECONDS - t0)) "$label")")
}

run "install dependencies" "$ROOT/scripts/install-deps.sh"
((LAST_OK)) || exit 1
run "rustfmt" cargo fmt --all -- --check
run "clippy (native, workspace, all targets)" \
    cargo clippy --workspace --all-targets --locked -- -D warnings
run "clippy (wasm32: gangmu-web, gangmu-core)" \
    cargo clippy --target wasm32-unknown-unknown -p gangmu-web -p gangmu-core --locked -- -D warnings
run "cargo test" logged cargo-test.log cargo test --workspace --locked
run "trunk build" trunk build --release --offline
built=$LAST_OK

npm_ci_browser_tests() {
    # npm ci only when package-lock.json changed since the last install.
    local dir="$ROOT/tests/browser" stamp want
    stamp="$dir/node_modules/.lock-sha256"
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        echo "    node_modules up to date"
        return 0
    fi
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    echo "$want" >"$stamp"
}
run "browser test dependencies (npm ci)" npm_ci_browser_tests
((LAST_OK)) || built=0

if ((built)); then
    run "browser tests" logged browser.log env DIST_DIR="$ROOT/dist" \
        node --test --test-concurrency=1 --test-reporter=spec "$ROOT/tests/browser/app.test.mjs" "$ROOT/tests/browser/share.test.mjs" "$ROOT/tests/browser/robust.test.mjs" "$ROOT/tests/browser/design.test.mjs"
else
    FAILED+=("browser tests (not run: no fresh build)")
fi

if ((built)); then
    step "dist/ size (informational)"
    python3 - "$ROOT/dist" <<'PY'
import gzip, pathlib, sys
dist = pathlib.Path(sys.argv[1])
# First load: what the page fetches before it can analyse (HTML, CSS, the page's and the
# analysis worker's JS and wasm). Lazy: fetched later or only when needed (model assets,
# the decoder worker for legacy-encoded files, the service worker, icons).
first = {"raw": 0, "gz": 0}
lazy = {"raw": 0, "gz": 0}
for p in sorted(dist.rglob("*")):
    if not p.is_file():
        continue
    raw = p.read_bytes()
    gz = len(gzip.compress(raw, 9))
    name = str(p.relative_to(dist))
    is_first = (p.suffix in (".wasm", ".js", ".html", ".css") and not name.startswith("decoder")
                and name != "sw.js")
    bucket = first if is_first else lazy
    bucket["raw"] += len(raw)
    bucket["gz"] += gz
    print(f"    {'first' if is_first else 'lazy '} {name}: {len(raw):>9,} B raw, {gz:>8,} B gzip")
print(f"    first load (HTML+CSS+JS+wasm): {first['raw']:,} B raw, {first['gz']:,} B gzip ({first['gz'] / 1024:.1f} KiB)")
print(f"    loaded later or on demand: {lazy['raw']:,} B raw, {lazy['gz']:,} B gzip")
PY
fi

step "timings"
printf '%s\n' "${TIMINGS[@]}"

# One closing line for all test runners: cargo's "N passed; M failed" lines
# and node's "ℹ pass N" / "ℹ fail N".
passed=0 failed=0
if [[ -f "$LOGS/cargo-test.log" ]]; then
    read -r p f < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p + 0, f + 0 }' "$LOGS/cargo-test.log")
    passed=$((passed + p)) failed=$((failed + f))
fi
if [[ -f "$LOGS/browser.log" ]]; then
    read -r p f < <(awk '$2 == "pass" { p = $3 } $2 == "fail" { f = $3 } END { print p + 0, f + 0 }' "$LOGS/browser.log")
    passed=$((passed + p)) failed=$((failed + f))
fi
if ((${#FAILED[@]})); then
    printf '\n%d step(s) FAILED:\n' "${#FAILED[@]}"
    printf '    %s\n' "${FAILED[@]}"
    echo "tests: $passed passed, $failed failed"
    exit 1
fi
echo "all checks passed in $((SECONDS - START))s"
echo "tests: $passed passed, $failed failed"
