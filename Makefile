# Tandem: the two commands a newcomer types are `make demo` and `make test`.
SHELL := /bin/bash
SYSTEM_PACKAGES := libopenblas-dev liblapacke-dev libsqlite3-dev pkg-config
DEMO_DIR := .build/demo
SAMPLE_COHORT := --mentors datasets/sample/mentors.csv --mentees datasets/sample/mentees.csv \
	--conflicts datasets/sample/conflicts.csv --policy datasets/sample/policy.toml
# Every module with public API has a DocC catalogue.
DOC_TARGETS := Assignment AssignmentFiles Diagnostics Matching MatchingReports MatchingHistory TandemSynthetic TandemFuzzTargets
LINTED := Sources Tests Benchmarks/Benchmarks Benchmarks/Package.swift Fuzz/Sources Fuzz/Package.swift Examples Package.swift

.PHONY: demo test check strict lint format docs benchmark-build example snapshots build deps benchmark compare compare-sparse fuzz clean install dist
PREFIX ?= /usr/local
VERSION := $(shell sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/_TandemUtilities/TandemVersion.swift)
DIST_NAME := tandem-$(VERSION)-linux-$(shell uname -m)

# Installs the OpenBLAS, LAPACKE and SQLite headers when they are missing (needs root or sudo).
deps:
	@if ! pkg-config --exists openblas sqlite3 2>/dev/null || [ ! -f /usr/include/lapacke.h ]; then \
		echo "Installing $(SYSTEM_PACKAGES)…"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

# `make build` tunes the release binary for this machine's processor: where
# it has AVX2, FMA and BMI2 (Intel since 2013, AMD since 2015), the compiler
# may use them, and scoring's row loops run twice as wide. On a generated
# 140,000 × 60,000 round the whole `tandem match` took 48.6–50.0 s instead of
# 54.8–58.8 s (scoring 9.3–10 s instead of 12–13 s), the outputs identical
# byte for byte; AVX-512 gained nothing more. Such a binary stops with
# "illegal instruction" on an older processor: `make dist` (the archive for
# other machines) and TANDEM_CPU=generic build for any x86-64.
TANDEM_CPU ?= $(shell grep -qw avx2 /proc/cpuinfo 2> /dev/null && grep -qw fma /proc/cpuinfo \
	&& grep -qw bmi2 /proc/cpuinfo && echo haswell || echo generic)
CPU_TUNING := $(if $(filter generic,$(TANDEM_CPU)),,-Xswiftc -target-cpu -Xswiftc $(TANDEM_CPU))

build: deps
	swift build -c release $(CPU_TUNING)

test: deps
	swift build --build-tests
	swift test --skip-build

# What CI runs after `make test`: a release build with every warning an error,
# the formatter's lint, the documentation, the benchmark package and the example.
check: strict lint docs benchmark-build example

strict: deps
	swift build -c release -Xswiftc -warnings-as-errors --scratch-path .build-strict

lint:
	swift format lint --strict -r $(LINTED)

# Rewrites the sources in the project's style (.swift-format).
format:
	swift format format -i -r $(LINTED)

docs: deps
	@mkdir -p .build; for target in $(DOC_TARGETS); do \
		echo "DocC: $$target"; \
		swift package --disable-sandbox generate-documentation --target $$target --warnings-as-errors \
			> .build/docc-$$target.log 2>&1 || { cat .build/docc-$$target.log; exit 1; }; \
	done

benchmark-build: deps
	cd Benchmarks && swift build

example: deps
	cd Examples/FirstRound && swift run

# Re-records the command-line snapshots in Tests/tandemTests/Snapshots/ from
# the current build; review the diff before committing it.
snapshots: deps
	swift build --build-tests
	TANDEM_RECORD_SNAPSHOTS=1 swift test --skip-build --filter tandemTests

demo: build
	@echo "A matching round on the sample cohort in datasets/sample/ (150 mentees, 80 mentors):"
	.build/release/tandem match $(SAMPLE_COHORT) --out $(DEMO_DIR)/round
	@echo
	@echo "Open $(DEMO_DIR)/round/report.html in a browser: it starts with what to do. The letters are in"
	@echo "$(DEMO_DIR)/round/letters/ (.txt and .html; index.csv lists their recipients); summary.html has the figures only."
	@echo "The tandem binary is .build/release/tandem."
	@echo
	@echo "Why did mentee E1 get their mentor? Their best options, explained:"
	.build/release/tandem score $(SAMPLE_COHORT) --mentee E1 --top 2

# Copies the release binary to $(PREFIX)/bin (default /usr/local/bin; DESTDIR for packaging).
install: build
	install -D -m 755 .build/release/tandem $(DESTDIR)$(PREFIX)/bin/tandem
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/tandem; try: tandem --help"

# A release archive for machines without Swift: the Swift runtime and
# Foundation linked in statically; it needs only OpenBLAS and LAPACKE
# (apt-get install libopenblas0 liblapacke). Checked by unpacking it in an
# empty folder and running a round there.
dist: deps
	swift build -c release --static-swift-stdlib --scratch-path .build-dist
	rm -rf .build/dist/$(DIST_NAME) && mkdir -p .build/dist/$(DIST_NAME)/bin
	install -s -m 755 .build-dist/release/tandem .build/dist/$(DIST_NAME)/bin/
	cp -r datasets README.md CHANGELOG.md LICENSE .build/dist/$(DIST_NAME)/
	tar -C .build/dist -czf .build/dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	Scripts/check-dist.sh .build/dist/$(DIST_NAME).tar.gz
	@echo "The archive: .build/dist/$(DIST_NAME).tar.gz"

# Benchmarks live in a nested package so `make test` never builds their dependencies.
benchmark: deps
	cd Benchmarks && swift package --disable-sandbox benchmark

# Every input reader under libFuzzer and AddressSanitizer, FUZZ_SECONDS each
# (CI runs 60); fails on a crash, a hang over 10 s or an allocation over 1 GB.
# The fuzzer is a nested package so `make test` never builds it.
FUZZ_SECONDS ?= 60
fuzz: deps
	Fuzz/fuzz.sh $(FUZZ_SECONDS)

# Side-by-side comparison with SciPy, lap, lapx and lapjv on the same seeded instances.
compare: build
	python3 Benchmarks/comparison/compare.py

# Side-by-side on sparse graphs (exported rounds, random families) with
# OR-Tools, SciPy, lap's lapmod and LEMON (Debian's liblemon-dev, installed here).
compare-sparse: build
	@if [ ! -f /usr/include/lemon/network_simplex.h ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq liblemon-dev; fi
	python3 Benchmarks/comparison/compare_sparse.py

clean:
	rm -rf .build .build-strict .build-dist Benchmarks/.build Fuzz/.build Examples/*/.build
