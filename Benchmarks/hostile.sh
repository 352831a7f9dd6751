#!/usr/bin/env bash
# How long the coach takes to refuse each hostile input (Tests/CoachEndToEndTests/
# Fixtures/hostile, and the large ones made here): issue 9 asks for under a second
# each. Prints one line per input, slowest last. Uses the release build.
#
#   Benchmarks/hostile.sh [COACH]
set -euo pipefail
cd "$(dirname "$0")/.."
coach=${1:-.build/release/coach}
[ -x "$coach" ] || { echo "build first: make release" >&2; exit 1; }
corpus=Tests/CoachEndToEndTests/Fixtures/hostile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
open(f"{w}/deep.yaml", "w").write("[" * 200000 + "]" * 200000)
open(f"{w}/deep.json", "w").write('{"a": ' + "[" * 200000 + "]" * 200000 + "}")
open(f"{w}/six-megabytes.yaml", "w").write('name: "' + "x" * (6 << 20) + '"\n')
open(f"{w}/long-line.yaml", "w").write("name: [" + ",".join(["1"] * 300000) + "]\n")
open(f"{w}/long-line.json", "w").write('{"name": "\\ud83d\\ude00", "posts": [' + ",".join(["1"] * 300000) + "]}")
open(f"{w}/half-megabyte-name.yaml", "w").write('name: "' + "x" * 500000 + '"\n')
open(f"{w}/six-megabyte-value.csv", "w").write("date,likes,comments,shares\n2026-10-01,\"" + "1" * (6 << 20) + "\",1,1\n")
PY

run() {  # label, arguments...
  local label=$1; shift
  local start end status
  start=$(date +%s%N)
  status=0
  "$coach" "$@" >/dev/null 2>&1 || status=$?
  end=$(date +%s%N)
  printf '%8.1f ms  exit %3d  %s\n' "$(echo "($end - $start) / 1000000" | bc -l)" "$status" "$label"
}

{
  for file in "$corpus"/*.yaml "$corpus"/*.json "$work"/*.yaml "$work"/*.json; do
    run "$(basename "$file")" plan --answers "$file" --format json
  done
  for file in "$corpus"/*.csv "$work"/*.csv; do
    run "$(basename "$file")" plan --answers Tests/CoachEndToEndTests/Fixtures/bakery.yaml --metrics "$file" --format json
  done
} | sort -n
