# coach — build, test, run and install.
#
#   make run       install what is missing, build, start the coach
#   make test      install what is missing, build, run every test
#   make build     a debug build
#   make release   an optimised build with the Swift runtime linked in
#   make install   the release build, copied to $(PREFIX)/bin (PREFIX=/usr/local)
#   make bench     start-up, rules against CLIPS, the interview: Benchmarks/RESULTS.md
#   make order     lays the release build's code out for start-up: Linker/coach.order
#   make snapshot  prepares the built-in knowledge for start-up, after changing knowledge/
#   make sanitize  every test under the address and thread sanitizers
#   make fuzz      libFuzzer on the condition parser, answers and posts readers

SWIFT     ?= swift
PREFIX    ?= /usr/local
# Debian packages the build needs: libedit for the shell's line editing, libyaml
# for the YAML the coach's own reader hands over, and pkg-config to find them.
# The tests also need tmux (terminal tests), cmark-gfm (renders the Markdown exports as GitHub would), pandoc (the html, docx and pdf
# exports, which the coach offers only when pandoc is installed) and clips (the
# rules engine the coach is checked against: both must fire the same rules).
BUILD_PACKAGES := libedit-dev libyaml-dev pkg-config
TEST_PACKAGES  := $(BUILD_PACKAGES) tmux cmark-gfm pandoc clips
# The benchmarks compare against CLIPS, time with hyperfine and read peak memory
# with GNU time.
BENCH_PACKAGES := $(TEST_PACKAGES) hyperfine time
# `make order` profiles typical runs with callgrind (Linker/README.md).
ORDER_PACKAGES := $(BUILD_PACKAGES) valgrind
APT_PACKAGES   := $(BUILD_PACKAGES)

# Release builds on Linux link libedit and libyaml in from their archives
# (Package.swift, Linker/README.md); every swift build started from here sees it.
export COACH_STATIC_C_LIBRARIES := 1

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: all run test build release install deps test-deps bench order snapshot check-knowledge clean sanitize fuzz

all: build

## Installs the Debian packages that are missing, and only those.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

## The release binary loads no library of its own: without --disable-local-rpath,
## SwiftPM would give it a run path of $ORIGIN, where the dynamic loader looks for
## each system library first (40 failed system calls a run, Linker/README.md).
## Benchmarks/bench.sh and Linker/make-order.sh build it the same way.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath

run: build
	@"$$($(SWIFT) build --show-bin-path)/coach"

test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_PACKAGES)"

test: test-deps
	$(SWIFT) build --build-tests
	COACH_BIN="$$($(SWIFT) build --show-bin-path)/coach" $(SWIFT) test --skip-build
	@../shared/tools/paraphrase-check knowledge 2>/dev/null || [ ! -x ../shared/tools/paraphrase-check ]

## The whole test suite under each sanitizer, in a build of its own (.build-address,
## .build-thread). Leaks at exit are not reported: the Swift runtime and libedit keep
## some memory to the end on purpose, and the operating system takes it back.
SANITIZERS ?= address thread
sanitize: test-deps
	@for sanitizer in $(SANITIZERS); do \
	  echo "== $$sanitizer sanitizer"; \
	  $(SWIFT) build --build-tests --sanitize=$$sanitizer --scratch-path .build-$$sanitizer || exit 1; \
	  ASAN_OPTIONS=detect_leaks=0 TSAN_OPTIONS=halt_on_error=1 \
	    COACH_BIN="$$($(SWIFT) build --sanitize=$$sanitizer --scratch-path .build-$$sanitizer --show-bin-path)/coach" \
	    $(SWIFT) test --skip-build --sanitize=$$sanitizer --scratch-path .build-$$sanitizer || exit 1; \
	done

## libFuzzer, FUZZ_SECONDS on each target (Fuzz/README.md). New inputs that reach
## new code join Fuzz/corpus/TARGET, which is then minimised; a crash is written to
## Fuzz/crashes/ and stops the run.
FUZZ_TARGETS ?= conditions answers posts
FUZZ_SECONDS ?= 60
fuzz: deps
	COACH_FUZZ=1 $(SWIFT) build --product coach-fuzz --scratch-path .build-fuzz
	@mkdir -p Fuzz/crashes
	@for target in $(FUZZ_TARGETS); do \
	  echo "== $$target, $(FUZZ_SECONDS) s"; \
	  COACH_FUZZ_TARGET=$$target ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/coach-fuzz Fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=1 -rss_limit_mb=2048 -max_len=4096 -detect_leaks=0 \
	    -artifact_prefix=Fuzz/crashes/$$target- -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY|artifact)" ; \
	  ls Fuzz/crashes/$$target-* >/dev/null 2>&1 && exit 1; \
	  rm -rf .build-fuzz/merged && mkdir -p .build-fuzz/merged && \
	  COACH_FUZZ_TARGET=$$target ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/coach-fuzz -merge=1 -detect_leaks=0 \
	    -max_len=4096 -artifact_prefix=Fuzz/crashes/$$target- \
	    .build-fuzz/merged Fuzz/corpus/$$target >/dev/null 2>&1 && \
	  rm -rf Fuzz/corpus/$$target && mv .build-fuzz/merged Fuzz/corpus/$$target && \
	  echo "   corpus kept, minimised: $$(ls Fuzz/corpus/$$target | wc -l) inputs"; \
	done; true

bench:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(BENCH_PACKAGES)"
	Benchmarks/bench.sh

## Prepares the built-in knowledge for start-up: writes Sources/CoachKit/Knowledge/BuiltInSnapshot.swift.
## Run it after changing knowledge/ or the code that loads it: until then the coach
## reads the YAML, and a test says the snapshot is due.
snapshot: deps
	$(SWIFT) build --product KnowledgeSnapshotter
	"$$($(SWIFT) build --show-bin-path)/KnowledgeSnapshotter" Sources/CoachKit/Knowledge/BuiltInSnapshot.swift

## Lays the release build's code out for start-up: writes Linker/coach.order.
order:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(ORDER_PACKAGES)"
	Linker/make-order.sh

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/coach" "$(DESTDIR)$(PREFIX)/bin/coach"

clean:
	rm -rf .build
