#!/usr/bin/env bash
# Prints the version of the `wasm-bindgen` crate locked in Cargo.lock. The wasm-bindgen CLI
# must be exactly this version, or its output does not match the library compiled into the app.
set -euo pipefail
lock="${1:-Cargo.lock}"
if [[ ! -f "$lock" ]]; then
    echo "$lock not found: run \`cargo generate-lockfile\` (or any cargo build) first" >&2
    exit 1
fi
versions=$(awk '
    $0 == "[[package]]" { name = "" }
    $1 == "name" { name = $3 }
    $1 == "version" && name == "\"wasm-bindgen\"" { gsub(/"/, "", $3); print $3 }
' "$lock" | sort -u)
if [[ -z "$versions" ]]; then
    echo "no wasm-bindgen package in $lock (is the wasm32 dependency section of Cargo.toml intact?)" >&2
    exit 1
fi
if [[ $(wc -l <<<"$versions") -ne 1 ]]; then
    echo "more than one wasm-bindgen version in $lock: $(tr '\n' ' ' <<<"$versions")" >&2
    exit 1
fi
echo "$versions"
