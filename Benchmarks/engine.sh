#!/usr/bin/env bash
# The engine's benchmark at each size, one process per size. Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product coach-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/coach-bench"
echo "# $(date -u +%Y-%m-%d) $(uname -m), $(nproc) cores; medians"
for rules in ${SIZES:-100 1000 10000 100000}; do
  "$bench" "$rules"
done
