# Tandem: the two commands a newcomer types are `make demo` and `make test`.
SHELL := /bin/bash
SYSTEM_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
DEMO_DIR := .build/demo
SMALL_COHORT := --mentors datasets/small/mentors.csv --mentees datasets/small/mentees.csv \
	--conflicts datasets/small/conflicts.csv --policy datasets/small/policy.toml

.PHONY: demo test build deps benchmark compare clean

# Installs OpenBLAS and LAPACKE headers when they are missing (needs root or sudo).
deps:
	@if ! pkg-config --exists openblas 2>/dev/null || [ ! -f /usr/include/lapacke.h ]; then \
		echo "Installing $(SYSTEM_PACKAGES)…"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

build: deps
	swift build -c release

test: deps
	swift build --build-tests
	swift test --skip-build

demo: build
	@mkdir -p $(DEMO_DIR)
	@echo "Solving the bundled sample: datasets/sample-scores.csv (12 mentees × 6 mentors, 2 slots each, scores to maximise)"
	.build/release/tandem solve datasets/sample-scores.csv --maximize --capacities datasets/sample-capacities.txt --forbidden -1
	@.build/release/tandem solve datasets/sample-scores.csv --maximize --capacities datasets/sample-capacities.txt --forbidden -1 --json > $(DEMO_DIR)/solution.json
	@echo
	@echo "The same answer as JSON: $(DEMO_DIR)/solution.json"
	@echo
	@echo "Checking the small civil-service cohort in datasets/small/ (sign-ups, conflicts, policy):"
	.build/release/tandem validate $(SMALL_COHORT)
	@echo
	@echo "Grace Hall's best mentors, with the reasons for each score:"
	.build/release/tandem score $(SMALL_COHORT) --mentee E201 --top 2

# Benchmarks live in a nested package so `make test` never builds their dependencies.
benchmark: deps
	cd Benchmarks && swift package --disable-sandbox benchmark

# Side-by-side comparison with SciPy, lap, lapx and lapjv on the same seeded instances.
compare: build
	python3 Benchmarks/comparison/compare.py

clean:
	rm -rf .build Benchmarks/.build
