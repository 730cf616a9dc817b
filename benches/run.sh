#!/usr/bin/env bash
# End-to-end benchmark of the release binary on generated corpora.
#
#   benches/run.sh [SIZES...]        default: 1000 10000 50000
#
# Builds release, generates each corpus once into /tmp/onus-corpus-N (kept between runs),
# then runs REPEAT times (default 3) each of: parse-only (examples/parse_only: discover +
# read + parse), end to end (`onus scan --format json`) and end to end without the exposure-path
# search (`--no-paths`), under /usr/bin/time -v for wall
# time and peak RSS. Prints one line per run and a median table. Env: REPEAT, SEED, BIN_DIR.
#
# Then plans: for each of PLAN_SIZES (default: 9000 50000 200000 resources, about 16, 89 and
# 356 MiB; empty to skip) a plan from examples/gen_plan in /tmp/onus-plan-N/plan.json, scanned
# REPEAT times; prints wall and CPU time (CPU above wall: the work ran in parallel), MiB/s,
# resources/s and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 50000)
REPEAT=${REPEAT:-3}
SEED=${SEED:-1}
cargo build --release --bin onus --example gen_corpus --example parse_only --example gen_plan >&2
TARGET=${CARGO_TARGET_DIR:-target}
# Copy the binaries: a shared target directory may be rebuilt by someone else meanwhile.
BIN_DIR=${BIN_DIR:-$(mktemp -d)}
mkdir -p "$BIN_DIR"
cp "$TARGET/release/onus" "$TARGET/release/examples/gen_corpus" "$TARGET/release/examples/parse_only" "$TARGET/release/examples/gen_plan" "$BIN_DIR/"

measure() { # label size cmd... -> "label size wall_s rss_kib cpu_s"
  local label=$1 size=$2; shift 2
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s+=$2} END {print s}' "$log")
  rm -f "$log"
  echo "$label $size $wall $rss $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

RESULTS=$(mktemp)
for n in "${SIZES[@]}"; do
  dir=/tmp/onus-corpus-$n
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$BIN_DIR/gen_corpus" --files "$n" --out "$dir" --seed "$SEED" >&2
    touch "$dir/.complete"
  fi
  bytes=$(find "$dir" -type f \( -name '*.tf' -o -name '*.tfvars' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  echo "$n $bytes" >> "$RESULTS.bytes"
  for _ in $(seq "$REPEAT"); do
    measure parse "$n" "$BIN_DIR/parse_only" "$dir" | tee -a "$RESULTS" >&2
    measure scan "$n" "$BIN_DIR/onus" scan --format json --fail-on never "$dir" | tee -a "$RESULTS" >&2
    measure nopaths "$n" "$BIN_DIR/onus" scan --no-paths --format json --fail-on never "$dir" | tee -a "$RESULTS" >&2
  done
done

printf '\n| files | MiB | mode | wall s (median of %s) | files/s | MiB/s | peak RSS MiB | RSS / bytes |\n' "$REPEAT"
printf '|---:|---:|---|---:|---:|---:|---:|---:|\n'
while read -r n bytes; do
  mib=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}')
  for mode in parse scan nopaths; do
    wall=$(awk -v m=$mode -v n="$n" '$1==m && $2==n {print $3}' "$RESULTS" | median)
    rss=$(awk -v m=$mode -v n="$n" '$1==m && $2==n {print $4}' "$RESULTS" | median)
    awk -v n="$n" -v mib="$mib" -v mode="$mode" -v w="$wall" -v r="$rss" -v b="$bytes" 'BEGIN {
      label = (mode == "parse") ? "parse-only" : (mode == "scan") ? "end to end" : "end to end, --no-paths";
      printf "| %d | %s | %s | %.2f | %.0f | %.1f | %.0f | %.1f× |\n", n, mib, label, w, n/w, mib/w, r/1024, r*1024/b }'
  done
done < "$RESULTS.bytes"
rm -f "$RESULTS" "$RESULTS.bytes"

PLAN_SIZES=${PLAN_SIZES-9000 50000 200000}
[ -z "$PLAN_SIZES" ] && exit 0
PLAN_RESULTS=$(mktemp)
for n in $PLAN_SIZES; do
  plan=/tmp/onus-plan-$n/plan.json
  if [ ! -f "$plan.complete" ]; then
    "$BIN_DIR/gen_plan" --resources "$n" --out "$plan" --seed "$SEED" >&2
    touch "$plan.complete"
  fi
  for _ in $(seq "$REPEAT"); do
    measure plan "$n" "$BIN_DIR/onus" scan --format json --fail-on never "$plan" | tee -a "$PLAN_RESULTS" >&2
  done
done
printf '\n| plan resources | MiB | wall s (median of %s) | CPU s | CPU / wall | resources/s | MiB/s | peak RSS MiB | RSS / bytes |\n' "$REPEAT"
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in $PLAN_SIZES; do
  bytes=$(stat -c %s "/tmp/onus-plan-$n/plan.json")
  wall=$(awk -v n="$n" '$2==n {print $3}' "$PLAN_RESULTS" | median)
  rss=$(awk -v n="$n" '$2==n {print $4}' "$PLAN_RESULTS" | median)
  cpu=$(awk -v n="$n" '$2==n {print $5}' "$PLAN_RESULTS" | median)
  awk -v n="$n" -v b="$bytes" -v w="$wall" -v r="$rss" -v c="$cpu" 'BEGIN {
    mib = b/1048576; printf "| %d | %.1f | %.2f | %.2f | %.2f | %.0f | %.1f | %.0f | %.1f× |\n", n, mib, w, c, c/w, n/w, mib/w, r/1024, r*1024/b }'
done
rm -f "$PLAN_RESULTS"
