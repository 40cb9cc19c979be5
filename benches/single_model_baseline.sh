#!/usr/bin/env bash
# quote_json with the dispatch on `model` against a baseline, in one run: by default the
# single-model crate it replaced, or any commit of the catalog's own history.
#
# Builds the baseline (commit e4b826e, the last before the catalog, or BASELINE_COMMIT) from
# `git archive` into target/single-model-baseline/ (built there, in its own target directory),
# then runs its benchmark (the single-model crate's `check_json::crate_quote_json`, or a
# catalog commit's `check_json::seed_quote_args_json` and `seed_quote_json_bodies`) and this
# crate's `check_json::seed_quote_args_json` (the same 180 bare-args requests, byte for byte)
# and `check_json::seed_quote_json_bodies` (the same args inside create-job bodies)
# alternately, ROUNDS times (default 5), and prints each round's medians per request and the
# ratios. Then the same as whole processes on the same bytes, bare args and bodies (see the end).
#
#   bash benches/single_model_baseline.sh          # ROUNDS=8 BASELINE_COMMIT=<rev> to change
#   BASELINE_COMMIT=9c19c6d bash benches/single_model_baseline.sh   # the start of the rules work
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASELINE_COMMIT:-e4b826e}
rounds=${ROUNDS:-5}
dir=target/single-model-baseline
if [ ! -f "$dir/.commit" ] || [ "$(cat "$dir/.commit")" != "$base" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  git archive "$base" | tar -x -C "$dir"
  # A workspace of its own: inside target/ it would otherwise count as a member of this
  # crate's workspace, and cargo refuses to build it.
  grep -q '^\[workspace\]' "$dir/Cargo.toml" || printf '\n[workspace]\n' >>"$dir/Cargo.toml"
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

# A baseline from the catalog's own history (BASELINE_COMMIT=9c19c6d, say) has the same
# benchmarks and the same API as this crate; the single-model crate has one `quote_json` for
# bare args and bodies alike, and one benchmark of it.
if grep -q 'fn crate_quote_json' "$dir/benches/pricing.rs"; then
  catalog_baseline=false
else
  catalog_baseline=true
fi
old_args=() old_bodies=() new_args=() new_bodies=()
for round in $(seq "$rounds"); do
  if $catalog_baseline; then
    o=$( (cd "$dir" && cargo bench -q --features schema --bench pricing -- check_json::seed_quote) 2>/dev/null)
    oa=$(median_ns seed_quote_args_json <<<"$o")
    ob=$(median_ns seed_quote_json_bodies <<<"$o")
  else
    oa=$( (cd "$dir" && cargo bench -q --features schema --bench pricing -- check_json::crate_quote_json) | median_ns crate_quote_json)
    ob=$oa
  fi
  n=$(cargo bench -q --features schema --bench pricing -- check_json::seed_quote 2>/dev/null)
  a=$(median_ns seed_quote_args_json <<<"$n")
  b=$(median_ns seed_quote_json_bodies <<<"$n")
  echo "round $round: baseline $oa ns (args), $ob ns (bodies); this crate's quote_args_json $a ns; quote_json on bodies $b ns"
  old_args+=("$oa") old_bodies+=("$ob") new_args+=("$a") new_bodies+=("$b")
done
python3 - "${old_args[*]}" "${old_bodies[*]}" "${new_args[*]}" "${new_bodies[*]}" <<'PY'
import statistics as st, sys
old_args, old_bodies, args, bodies = ([float(x) for x in s.split()] for s in sys.argv[1:])
for label, new, old in (("bare args (same bytes)", args, old_args),
                        ("bodies (48 bytes longer than the bare args)", bodies, old_bodies)):
    ratios = [n / o for n, o in zip(new, old)]
    print(f"this crate / baseline, {label}: median {st.median(ratios):.3f}, "
          f"min {min(ratios):.3f}, max {max(ratios):.3f} over {len(ratios)} rounds")
PY

# The same comparison as whole processes on the same bytes, bare args and bodies: a small
# program against each crate (written to target/single-model-compare/), each quoting the 180
# requests 3 000 times, run alternately 11 times; the ratio of wall times per round, and of
# each process's fastest batch of 100 passes (which the host's noise disturbs least).
cmp=target/single-model-compare
mkdir -p "$cmp/old/src" "$cmp/new/src"
# Each program names its crate by the package name in that crate's own Cargo.toml (the crate was
# renamed since the baseline), imported as `krate`.
package_name() { sed -n '/^\[package\]/,/^\[/s/^name = "\(.*\)"$/\1/p' "$1/Cargo.toml" | head -n 1; }
write_program() { # $1 old|new, $2 the crate's path from the program's folder, $3 the bare-args call
  local package
  package=$(package_name "$cmp/$1/$2")
  cat >"$cmp/$1/Cargo.toml" <<EOF
[package]
name = "compare-$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$package = { path = "$2" }
serde_json = "1"

[workspace]
EOF
  cat >"$cmp/$1/src/main.rs" <<EOF
//! Quotes every line of a file N times: \`compare-$1 FILE args|bodies N\`.
use ${package//-/_} as krate;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&a[1]).unwrap();
    let bodies = a[2] == "bodies";
    let n: usize = a[3].parse().unwrap();
    let lines: Vec<&[u8]> = text.lines().map(str::as_bytes).collect();
    let mut quoted = 0usize;
    // The fastest of the batches of 100 passes, in ns a request: the host's noise only ever
    // adds time, so the fastest batch is the code's own speed.
    let mut fastest = f64::MAX;
    for _ in 0..n / 100 {
        let batch = std::time::Instant::now();
        for _ in 0..100 {
            for line in &lines {
                let line = std::hint::black_box(*line);
                let quote = if bodies { krate::quote_json(line) } else { $3 };
                if let Ok(q) = quote {
                    quoted += 1;
                    std::hint::black_box(q.amount());
                }
            }
        }
        let ns = batch.elapsed().as_nanos() as f64 / (100 * lines.len()) as f64;
        fastest = fastest.min(ns);
    }
    println!("{quoted} {fastest:.1}");
}
EOF
  cargo build -q --release --manifest-path "$cmp/$1/Cargo.toml"
}
if $catalog_baseline; then
  write_program old ../../single-model-baseline \
    "krate::quote_args_json(krate::Model::Pixverse55TextToVideo, line)"
else
  write_program old ../../single-model-baseline "krate::quote_json(line)"
fi
write_program new ../../.. \
  "krate::quote_args_json(krate::Model::Pixverse55TextToVideo, line)"
# The inputs: the 180 bare-args lines of the benchmark (the seed model's combinations with the
# 122-character prompt), and each inside a create-job body.
python3 - "$cmp" <<'PY'
import itertools, json, sys
prompt = ("An action shot of a black lab swimming in a sunlit lake, water droplets flying, "
          "cinematic lighting, shallow depth of field")
with open(f"{sys.argv[1]}/args.jsonl", "w") as a, open(f"{sys.argv[1]}/bodies.jsonl", "w") as b:
    for res, dur, ar, audio, multi in itertools.product(
            ["540p", "720p", "1080p"], ["5", "8", "10"], ["16:9", "9:16", "4:3", "3:4", "1:1"],
            [False, True], [False, True]):
        args = json.dumps({"prompt": prompt, "resolution": res, "duration": dur,
                           "aspect_ratio": ar, "generate_audio": audio, "multi_shot": multi},
                          separators=(",", ":"))
        a.write(args + "\n")
        b.write('{"model":"pixverse/pixverse-5.5/text-to-video","args":' + args + "}\n")
PY
python3 - "$cmp" <<'PY'
import statistics as st, subprocess, sys, time
cmp = sys.argv[1]
for form in ("args", "bodies"):
    ratios, old, new, fastest = [], [], [], []
    for _ in range(11):
        times, batches = [], []
        for side in ("old", "new"):
            start = time.perf_counter()
            out = subprocess.run([f"{cmp}/{side}/target/release/compare-{side}",
                                  f"{cmp}/{form}.jsonl", form, "3000"],
                                 capture_output=True, text=True, check=True).stdout
            times.append(time.perf_counter() - start)
            quoted, batch = out.split()
            assert quoted == str(160 * 3000), out  # 20 of 180 break the 1080p / 10 s rule
            batches.append(float(batch))
        old.append(times[0] / 540_000 * 1e9); new.append(times[1] / 540_000 * 1e9)
        ratios.append(times[1] / times[0])
        fastest.append(batches[1] / batches[0])
    print(f"whole processes, {form}: baseline {st.median(old):.0f} ns, this crate "
          f"{st.median(new):.0f} ns per request (medians); this crate / baseline: median "
          f"{st.median(ratios):.3f}, min {min(ratios):.3f}, max {max(ratios):.3f} over 11 rounds; "
          f"of each process's fastest batch: median {st.median(fastest):.3f}, "
          f"min {min(fastest):.3f}, max {max(fastest):.3f}")
PY
