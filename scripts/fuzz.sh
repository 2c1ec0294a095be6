#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/fuzz_targets: analyze, decode, share_link), each for
# SECONDS seconds (default 600), starting from and growing the corpus in fuzz/corpus/.
# Not part of the test command: a fuzzing session, run by hand or on a schedule.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze decode share_link)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz passes nightly-only -Z flags (sanitizers); the stable toolchain here accepts them
# with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
cd "$root/fuzz"
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${seconds}s"
  mkdir -p "corpus/$t"
  log="$root/fuzz/last-$t.log"
  status=0
  cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|panicked" "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "FAILED: cargo fuzz run $t exited $status (crash artifacts in fuzz/artifacts/$t/; log $log)"
    exit 1
  fi
  echo "$t: no crash in ${seconds}s; corpus $(ls "corpus/$t" | wc -l) inputs"
done
