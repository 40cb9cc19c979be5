#!/usr/bin/env bash
# quote_json with the dispatch on `model` against the single-model crate it replaced, in one run.
#
# Builds the single-model crate (commit e4b826e, the last before the family) from `git archive`
# into target/single-model-baseline/ (built there, in its own target directory), then runs its `check_json::crate_quote_json` benchmark and
# this crate's `check_json::seed_quote_args_json` (the same 180 bare-args requests, byte for byte)
# and `check_json::seed_quote_json_bodies` (the same args inside create-job bodies) alternately,
# ROUNDS times (default 5), and prints each round's medians per request and the ratios.
#
#   bash benches/single_model_baseline.sh          # ROUNDS=8 BASELINE_COMMIT=<rev> to change
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASELINE_COMMIT:-e4b826e}
rounds=${ROUNDS:-5}
dir=target/single-model-baseline
if [ ! -f "$dir/.commit" ] || [ "$(cat "$dir/.commit")" != "$base" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  git archive "$base" | tar -x -C "$dir"
  echo "$base" >"$dir/.commit"
fi
# Each crate builds in its own target directory: in a shared one, cargo gives both versions of
# the package the same hashes, and one's build script output would stand in for the other's.
unset CARGO_TARGET_DIR

median_ns() { # divan's output on stdin, a benchmark's name → its median in ns per request (180 requests)
  python3 -c '
import re, sys
name = sys.argv[1]
for line in sys.stdin:
    cells = line.split("\u2502")
    if len(cells) >= 4 and re.search(r"[\u2500 ]" + re.escape(name) + r"\s", cells[0]):
        value, unit = cells[2].split()
        scale = {"ns": 1, "µs": 1e3, "ms": 1e6, "s": 1e9}[unit]
        print(f"{float(value) * scale / 180:.1f}")
        break
else:
    sys.exit(f"no benchmark {name} in the output")
' "$1"
}

old=() new_args=() new_bodies=()
for round in $(seq "$rounds"); do
  o=$( (cd "$dir" && cargo bench -q --features schema --bench pricing -- check_json::crate_quote_json) | median_ns crate_quote_json)
  n=$(cargo bench -q --features schema --bench pricing -- check_json::seed_quote 2>/dev/null)
  a=$(median_ns seed_quote_args_json <<<"$n")
  b=$(median_ns seed_quote_json_bodies <<<"$n")
  echo "round $round: single-model quote_json $o ns; family quote_args_json $a ns; family quote_json on bodies $b ns"
  old+=("$o") new_args+=("$a") new_bodies+=("$b")
done
python3 - "${old[*]}" "${new_args[*]}" "${new_bodies[*]}" <<'PY'
import statistics as st, sys
old, args, bodies = ([float(x) for x in s.split()] for s in sys.argv[1:])
for label, new in (("bare args (same bytes)", args), ("bodies", bodies)):
    ratios = [n / o for n, o in zip(new, old)]
    print(f"family / single-model, {label}: median {st.median(ratios):.3f}, "
          f"min {min(ratios):.3f}, max {max(ratios):.3f} over {len(ratios)} rounds")
PY
