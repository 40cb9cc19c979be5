#!/usr/bin/env bash
# Builds the WebAssembly package into wasm/pkg/: an ES module, its TypeScript declarations and
# the .wasm, from the crate in wasm/ (the library with the feature `schema`). Installs what it
# needs: rustup's wasm32-unknown-unknown target, wasm-bindgen-cli at the exact version
# wasm/Cargo.toml pins (with `cargo install --locked`), and Debian's binaryen for wasm-opt when
# it can (as root, with apt-get); without wasm-opt the package works, only larger.
#
# Prints the .wasm's size, raw and gzipped. Run from anywhere: bash wasm/build.sh
set -euo pipefail
cd "$(dirname "$0")"

target=wasm32-unknown-unknown
name=shortapi_pricing_wasm
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)
if [[ -z "$version" ]]; then
  echo "wasm/build.sh: no exact wasm-bindgen version (wasm-bindgen = \"=X.Y.Z\") in wasm/Cargo.toml" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]]; then
  cargo install wasm-bindgen-cli --version "=$version" --locked
fi
if ! command -v wasm-opt >/dev/null && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binaryen >/dev/null ||
    echo "wasm/build.sh: could not install binaryen; the package is left without wasm-opt" >&2
fi

# The .wasm's path as cargo reports it (its compiler-artifact message), so a target directory
# set elsewhere (CARGO_TARGET_DIR, build.target-dir in a config) is found as cargo used it.
built=$(cargo build --release --locked --target "$target" --message-format=json-render-diagnostics |
  python3 -c '
import json, sys
name = sys.argv[1]
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["target"]["name"] == name:
        print(*[f for f in message["filenames"] if f.endswith(".wasm")])
' "$name")
if [[ ! -f "$built" ]]; then
  echo "wasm/build.sh: cargo reported no .wasm for $name (got: '$built')" >&2
  exit 1
fi
rm -rf pkg
wasm-bindgen --target web --out-dir pkg "$built"

wasm="pkg/${name}_bg.wasm"
if command -v wasm-opt >/dev/null; then
  # The features rustc enables by default for this target, so wasm-opt (binaryen 108 in
  # Debian 12) reads the module as it is.
  wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
else
  echo "wasm/build.sh: wasm-opt not found (Debian package binaryen); the .wasm is not optimized further" >&2
fi

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm/pkg: $wasm is $raw bytes, $gz bytes gzipped (gzip -9)"
