#!/usr/bin/env bash
# make order: writes Linker/coach.order, the order in which the release link lays out
# the coach's code (Linker/README.md). Profiles typical runs of a release build with
# callgrind and lists the functions they executed, grouped by the runs that executed
# them. Run it again after large changes: a stale order costs a little start-up,
# never correctness, as the linker places what it does not list after the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/coach-order.XXXXXX)
trap 'rm -rf "$work"' EXIT
log() { printf '%s\n' "$*" >&2; }

log "building (release, as make release does)"
swift build -c release --static-swift-stdlib --disable-local-rpath --product coach >/dev/null
swift build -c release --static-swift-stdlib --disable-local-rpath --product coach-bench >/dev/null
bin=$(swift build -c release --static-swift-stdlib --disable-local-rpath --show-bin-path)
# callgrind cannot read the DWARF 5 of a Swift 6 build: it profiles a copy without it.
strip -g -o "$work/coach" "$bin/coach"
"$bin/coach-bench" generate 100 "$work/rules-100" >/dev/null
"$bin/coach-bench" generate 10000 "$work/rules-10000" >/dev/null

export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" NO_COLOR=1
scenario=Tests/CoachEndToEndTests/Fixtures/bakery.yaml
profile() { # name arguments...
  local name=$1
  shift
  log "profiling coach $*"
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$name.callgrind" \
    "$work/coach" "$@" </dev/null >/dev/null 2>&1 || true
  [ -s "$work/$name.callgrind" ] || { log "no profile of coach $*"; exit 1; }
}
profile version --version
profile help --help
profile topics topics --json
profile plan plan --answers "$scenario"
profile plan-fr plan --answers "$scenario" --lang fr --format markdown
profile ask ask comment avoir plus de commentaires
profile shell # to its first question, then the end of its input
profile rules-100 plan --knowledge "$work/rules-100/knowledge" --answers "$work/rules-100/profile.yaml" --format json
profile rules-10000 plan --knowledge "$work/rules-10000/knowledge" --answers "$work/rules-10000/profile.yaml" --format json

# The runs in turn, the one whose start-up matters most first: each run's code then
# lies in few blocks (coach-bench order). Every profile above is named here once.
runs=(version topics plan shell ask rules-100 plan-fr help rules-10000)
profiles=()
for run in "${runs[@]}"; do profiles+=("$work/$run.callgrind"); done
if [ "$(ls "$work"/*.callgrind | wc -l)" -ne "${#runs[@]}" ]; then
  log "make-order.sh: a profile is missing from the runs it orders"
  exit 1
fi
"$bin/coach-bench" order coach "${profiles[@]}" >"$work/coach.order"
mv "$work/coach.order" Linker/coach.order
# The link does not name the order as an input: the next build must link again.
rm -f "$bin/coach"
log "Linker/coach.order: $(wc -l <Linker/coach.order) functions; make release links with it"
