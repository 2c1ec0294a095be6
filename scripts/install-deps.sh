#!/usr/bin/env bash
# Installs everything the build and the tests need that is missing, and nothing
# else. Idempotent: each tool's version is checked first, so a second run takes
# a few seconds. Assumes a Debian machine with rustup's Rust, node/npm and
# python3. Nothing is downloaded outside the package registries (crates.io,
# npm, Debian): Trunk is always run with --offline.
#
#   - wasm32-unknown-unknown target, rustfmt, clippy   (rustup)
#   - trunk $TRUNK_VERSION                             (cargo install --locked)
#   - wasm-bindgen-cli = Cargo.lock's wasm-bindgen      (cargo install)
#   - wasm-opt from npm `binaryen` into .tools/         (npm; Debian's is too old)
#   - chromium, chromium-driver, fonts-noto-cjk         (apt, as root or via sudo)
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

for tool in cargo rustup node npm python3; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed; install it first (see README)."
done

# Another `cargo install` of the same crate may be running (e.g. a first setup
# started in another terminal); wait for it instead of racing it.
wait_for_cargo_install() {
    local crate="$1" waited=0
    while pgrep -f "cargo install $crate( |$)" >/dev/null 2>&1; do
        if ((waited == 0)); then echo "   waiting for a running 'cargo install $crate' to finish..."; fi
        sleep 10
        waited=$((waited + 10))
        ((waited < 3600)) || die "timed out waiting for 'cargo install $crate'"
    done
}

# --- Rust targets and components ---------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
        step "rustup component add $comp"
        rustup component add "$comp"
    fi
done

# --- trunk ---------------------------------------------------------------------
trunk_ok() { [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; }
if ! trunk_ok; then
    wait_for_cargo_install trunk
    if ! trunk_ok; then
        step "cargo install trunk --version $TRUNK_VERSION --locked (takes ~10 min on 2 cores)"
        cargo install trunk --version "$TRUNK_VERSION" --locked
    fi
fi
trunk_ok || die "trunk $TRUNK_VERSION is not on PATH after installing (PATH=$PATH)"

# --- wasm-bindgen-cli (must match Cargo.lock exactly) ---------------------------
WB_VERSION="$(wasm_bindgen_version)"
if [[ -z "$WB_VERSION" ]]; then
    echo "   note: Cargo.lock has no wasm-bindgen package yet; skipping wasm-bindgen-cli"
else
    wb_ok() { [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WB_VERSION"* ]]; }
    if ! wb_ok; then
        wait_for_cargo_install wasm-bindgen-cli
        if ! wb_ok; then
            step "cargo install wasm-bindgen-cli --version $WB_VERSION (from Cargo.lock)"
            # Not --locked: wasm-bindgen-cli's own lockfile pins crates that
            # may not build with the current toolchain; its version is pinned.
            cargo install wasm-bindgen-cli --version "$WB_VERSION"
        fi
    fi
    wb_ok || die "wasm-bindgen $WB_VERSION is not on PATH after installing"
fi

# --- wasm-opt (binaryen from npm, project-local) --------------------------------
BINARYEN_MAJOR="${BINARYEN_VERSION%%.*}"
wasm_opt_ok() {
    [[ "$("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)" == "wasm-opt version $BINARYEN_MAJOR "* ]]
}
if ! wasm_opt_ok; then
    step "npm install --prefix .tools binaryen@$BINARYEN_VERSION"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --save-exact --loglevel=error \
        "binaryen@$BINARYEN_VERSION"
fi
wasm_opt_ok || die "wasm-opt $BINARYEN_MAJOR not found in $TOOLS_DIR/node_modules/.bin"
[[ "$(command -v wasm-opt)" == "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]] \
    || die "PATH resolves wasm-opt to $(command -v wasm-opt), not the project's binaryen"

# --- chromium and CJK fonts (apt) ------------------------------------------------
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
    dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
    step "apt-get install ${missing[*]}"
    if [[ $EUID -eq 0 ]]; then
        SUDO=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        SUDO=(sudo)
    else
        die "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${missing[@]}"
fi
[[ -x "$CHROMIUM_BIN" ]] || die "$CHROMIUM_BIN not found after installing chromium"

echo "deps ok: $(trunk --version), wasm-bindgen ${WB_VERSION:-<none>}, $(wasm-opt --version), $("$CHROMIUM_BIN" --version 2>/dev/null | head -1), node $(node --version)"
