# shellcheck shell=bash
# Shared environment for the scripts in this folder. Source it; don't run it.
#
# - ROOT: the repository root.
# - PATH: the project-local binaryen (wasm-opt) first, then cargo's bin dir, so
#   Trunk finds the right wasm-opt and wasm-bindgen instead of Debian's.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Pinned tool versions. wasm-bindgen-cli is NOT pinned here: it must equal the
# wasm-bindgen crate version in Cargo.lock (see wasm_bindgen_version below).
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
CHROMIUM_BIN="/usr/bin/chromium"

TOOLS_DIR="$ROOT/.tools"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$TOOLS_DIR/node_modules/.bin:$CARGO_BIN:$PATH"

# The wasm-bindgen crate version recorded in Cargo.lock (empty if none yet).
wasm_bindgen_version() {
    awk '
        /^\[\[package\]\]/ { in_wb = 0 }
        /^name = "wasm-bindgen"$/ { in_wb = 1; next }
        in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$ROOT/Cargo.lock" 2>/dev/null || true
}

# Print a section header and remember when it started.
_step_started=0
step() {
    _step_started=$SECONDS
    printf '\n==> %s\n' "$*"
}

die() {
    printf '\nERROR: %s\n' "$*" >&2
    exit 1
}
