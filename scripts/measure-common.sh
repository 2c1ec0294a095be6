# Sourced by the measuring scripts (eval.sh, eval-ner.sh): builds the release CLI and makes a
# work folder. Sets $gangmu and $work; KEEP=1 keeps the work folder for inspection.
cargo build --release --quiet -p gangmu-cli --manifest-path "$root/Cargo.toml"
gangmu="$root/target/release/gangmu"
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && echo "work files kept in $work" >&2 || rm -rf "$work"' EXIT
