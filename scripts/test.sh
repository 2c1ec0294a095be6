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
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

START=$SECONDS
TIMINGS=()

# run "label" cmd args...: runs one step, fails fast with a clear message.
run() {
    local label="$1"
    shift
    step "$label"
    echo "    \$ $*"
    local t0=$SECONDS
    if ! "$@"; then
        printf '\nFAILED: %s\n    command: %s\n' "$label" "$*" >&2
        exit 1
    fi
    TIMINGS+=("$(printf '%4ds  %s' $((SECONDS - t0)) "$label")")
}

run "install dependencies" "$ROOT/scripts/install-deps.sh"
run "rustfmt" cargo fmt --all -- --check
run "clippy (native, workspace, all targets)" \
    cargo clippy --workspace --all-targets --locked -- -D warnings
run "clippy (wasm32: gangmu-web, gangmu-core)" \
    cargo clippy --target wasm32-unknown-unknown -p gangmu-web -p gangmu-core --locked -- -D warnings
run "cargo test" cargo test --workspace --locked
run "trunk build" trunk build --release --offline

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

run "browser tests" env DIST_DIR="$ROOT/dist" \
    node --test --test-concurrency=1 --test-reporter=spec "$ROOT/tests/browser/app.test.mjs"

step "dist/ size (informational)"
python3 - "$ROOT/dist" <<'PY'
import gzip, pathlib, sys
dist = pathlib.Path(sys.argv[1])
total_raw = total_gz = 0
for p in sorted(dist.rglob("*")):
    if p.suffix in (".wasm", ".js"):
        raw = p.read_bytes()
        gz = len(gzip.compress(raw, 9))
        total_raw += len(raw)
        total_gz += gz
        print(f"    {p.relative_to(dist)}: {len(raw):>9,} B raw, {gz:>8,} B gzip")
print(f"    wasm+js total: {total_raw:,} B raw, {total_gz:,} B gzip ({total_gz / 1024:.1f} KiB)")
PY

step "timings"
printf '%s\n' "${TIMINGS[@]}"
echo "all checks passed in $((SECONDS - START))s"
