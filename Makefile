# The front door. `make run` sets up, builds and scans your real configuration into the embedded
# SQLite store; `make test` sets up, builds and runs every test (PostgreSQL included).
#
#   make run [SCAN_ARGS="--root ~/src"]   install what is missing, build, scan, print the summary
#   make test                             install what is missing, build, run every test under ctest
#   make accuracy [ACCURACY_ARGS="--scale 3"]  score recall, decoy rate and plaintext secrets on a generated labeled corpus
#   make build | deps | test-deps | bench | format | format-check | clean
#
# Variables: BUILD_DIR (build), BUILD_TYPE (RelWithDebInfo), JOBS (cores), CMAKE_FLAGS (extra -D...).

MAKEFLAGS  += --no-print-directory
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
SCAN_ARGS  ?=
ACCURACY_ARGS ?=
CONFSCOPE  := $(BUILD_DIR)/bin/confscope
SOURCES     = $(shell git ls-files '*.c' '*.cpp' '*.h' '*.hpp' 2>/dev/null)

.PHONY: all deps test-deps configure build build-tool run test bench accuracy format format-check clean

all: build

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# Only what `make run` needs: the executable, the isolated plugin runner and the in-tree plugins.
build-tool: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS) --target confscope confscope-runner confscope-plugins

run: build-tool
	@$(CONFSCOPE) scan $(SCAN_ARGS)
	@echo
	@$(CONFSCOPE) scans list --limit 5

test: test-deps build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

bench: build
	@tests/bench/run-benchmark --build $(BUILD_DIR)
	@echo
	@tests/bench/run-store-benchmark --build $(BUILD_DIR)

# The accuracy benchmark (tests/accuracy): a generated labeled machine, scored against its labels.
accuracy: build-tool
	@tests/accuracy/run-accuracy --confscope $(CONFSCOPE) $(ACCURACY_ARGS)

format:
	@clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run -Werror $(SOURCES)

clean:
	@rm -rf $(BUILD_DIR)
