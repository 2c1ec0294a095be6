#!/usr/bin/env bash
# README command 1: install what is missing, build the app, serve it locally.
#
#   scripts/setup.sh              # serves on http://127.0.0.1:8080/
#   PORT=9000 scripts/setup.sh    # another port
#   scripts/setup.sh --no-serve   # install + build only
#
# The build output is dist/: plain static files that any static host can serve
# (under any sub-path).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

serve=1
for arg in "$@"; do
    case "$arg" in
        --no-serve) serve=0 ;;
        -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
        *) die "unknown argument: $arg" ;;
    esac
done

step "installing missing dependencies (scripts/install-deps.sh)"
"$ROOT/scripts/install-deps.sh"

step "trunk build --release --offline"
trunk build --release --offline || die "trunk build failed"

if ((serve)); then
    PORT="${PORT:-8080}"
    step "serving dist/"
    echo "Gangmu is at http://127.0.0.1:$PORT/   (Ctrl-C to stop)"
    exec python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT"
fi
