#!/usr/bin/env bash
# The CLI as users run it against the floor, timed as whole processes in one run.
#
# Writes a deterministic mixed-model JSONL log (examples/mixed_log.rs; LINES lines, default
# 200 000, about 90 MB) into target/cli-throughput/, then runs alternately, ROUNDS times
# (default 7):
#   - `shortapi-pricing quote --jsonl FILE > out`   (the release binary, feature `cli`)
#   - `ignored_any < FILE`                           (examples/ignored_any.rs: serde_json reading
#                                                      each line into `IgnoredAny`, nothing else)
# and prints each round's wall times and the CLI's throughput as a fraction of the floor's
# (floor time / CLI time): its median, min and max over the rounds.
#
#   bash benches/cli_throughput.sh        # LINES=400000 ROUNDS=11 to change
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${LINES:-200000}
rounds=${ROUNDS:-7}
dir=target/cli-throughput
mkdir -p "$dir"
cargo build -q --release --features cli --bin shortapi-pricing --example mixed_log --example ignored_any
# The target directory as cargo reports it (CARGO_TARGET_DIR, a config's build.target-dir).
release=$(cargo metadata -q --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/release
bin=$release/shortapi-pricing
floor=$release/examples/ignored_any
log="$dir/mixed-$lines.jsonl"
# Written again when the generator (and so the catalog it mixes) is newer, and whole or not at
# all: a run that stops half-way leaves no log to be taken for a whole one.
if [ ! "$log" -nt "$release/examples/mixed_log" ]; then
  "$release/examples/mixed_log" "$lines" >"$log.partial"
  mv "$log.partial" "$log"
fi
echo "log: $log, $(wc -l <"$log") lines, $(($(stat -c %s "$log") / 1000000)) MB"

seconds() { # runs "$@" with its output to $dir/out; prints its wall time in seconds
  local start end
  start=$(date +%s%N)
  "$@" >"$dir/out" || [ $? -eq 1 ] # exit 1: some lines rejected, as the log means them to be
  end=$(date +%s%N)
  python3 -c "print(($end - $start) / 1e9)"
}

# Warm the page cache once.
cat "$log" >/dev/null
cli=() base=()
for round in $(seq "$rounds"); do
  c=$(seconds "$bin" quote --jsonl "$log")
  tail -n 1 "$dir/out" | grep -q '"summary"' || { echo "the CLI wrote no summary" >&2; exit 2; }
  b=$(seconds "$floor" <"$log")
  echo "round $round: shortapi-pricing quote --jsonl ${c}s; serde_json IgnoredAny ${b}s"
  cli+=("$c") base+=("$b")
done
python3 - "$lines" "$(stat -c %s "$log")" "${cli[*]}" "${base[*]}" <<'PY'
import statistics as st, sys
lines, size = int(sys.argv[1]), int(sys.argv[2])
cli, base = ([float(x) for x in s.split()] for s in sys.argv[3:])
ratios = [b / c for c, b in zip(cli, base)]
print(f"CLI: median {st.median(cli):.3f} s ({size / st.median(cli) / 1e6:.0f} MB/s, "
      f"{lines / st.median(cli) / 1e6:.2f} M lines/s); floor: median {st.median(base):.3f} s "
      f"({size / st.median(base) / 1e6:.0f} MB/s)")
print(f"CLI throughput / floor throughput: median {st.median(ratios):.3f}, "
      f"min {min(ratios):.3f}, max {max(ratios):.3f} over {len(ratios)} rounds")
PY
