# The front door. `make run` sets up, builds and scans your real configuration into the embedded
# SQLite store; `make test` sets up, builds and runs every test (PostgreSQL included).
#
#   make run [SCAN_ARGS="--root ~/src"]   install what is missing, build, scan, print the summary
#   make test [SANITIZE=1 [FUZZ=0]]       install what is missing, build, run every test under ctest
#                                         (SANITIZE=1: then `make sanitize`; off by default until the
#                                         defects it reports are fixed, see tests/README.md)
#   make sanitize [FUZZ=0]                the clang build in build-asan (ASan + UBSan, libFuzzer
#                                         harnesses): every suite, the fuzz regressions, and 60 s
#                                         per fuzzer (FUZZ=0: without the fuzzers)
#   make fuzz [FUZZ_SECONDS=3600]         only the fuzzers, each for FUZZ_SECONDS (fuzz/README.md)
#   make accuracy [ACCURACY_ARGS="--scale 3"]  score recall, decoy rate and plaintext secrets on a generated labeled corpus
#   make build | deps | test-deps | bench | format | format-check | clean
#
# Variables: BUILD_DIR (build), BUILD_TYPE (RelWithDebInfo), JOBS (cores), CMAKE_FLAGS (extra -D...),
# SAN_DIR (build-asan), FUZZ (1), FUZZ_SECONDS (60), SANITIZE (0).

MAKEFLAGS  += --no-print-directory
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
SCAN_ARGS  ?=
SAN_DIR    ?= build-asan
FUZZ       ?= 1
FUZZ_SECONDS ?= 60
SANITIZE   ?= 0
ACCURACY_ARGS ?=
CONFSCOPE  := $(BUILD_DIR)/bin/confscope
SOURCES     = $(shell git ls-files '*.c' '*.cpp' '*.h' '*.hpp' 2>/dev/null)

.PHONY: all deps test-deps configure build build-tool run test sanitize-build sanitize fuzz bench accuracy format format-check clean

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
ifneq ($(SANITIZE),0)
	@$(MAKE) sanitize
endif

# The sanitized build: clang, -fsanitize=address,undefined (every report fatal), -O1 for speed of
# both the build and the tests, and the libFuzzer harnesses of fuzz/ in the same folder. Warnings
# are the GCC build's to gate (CMAKE_FLAGS is not passed on). No precompiled headers: ccache cannot
# reuse clang's (they carry timestamps), and a clone elsewhere must hit the cache.
SAN_CTEST_EXCLUDE = ^sdk_consumer$$
sanitize-build: test-deps
	@CC=clang CXX=clang++ cmake -S . -B $(SAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	    -DCONFSCOPE_FUZZ=ON -DCONFSCOPE_USE_PCH=OFF >/dev/null
	@cmake --build $(SAN_DIR) -j$(JOBS)

# Every suite under the sanitizers but sdk_consumer (it installs and builds a plugin out of tree:
# a test of the build system, which the main build runs), the fuzz regressions, and each fuzzer
# for FUZZ_SECONDS unless FUZZ=0.
sanitize: sanitize-build
	@cd $(SAN_DIR) && CONFSCOPE_FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --output-on-failure -j$(JOBS) \
	    -E '$(SAN_CTEST_EXCLUDE)' $(if $(filter 0,$(FUZZ)),-LE '^fuzz$$')

fuzz: sanitize-build
	@cd $(SAN_DIR) && CONFSCOPE_FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --output-on-failure -j$(JOBS) \
	    -L '^fuzz$$' --timeout $$(( $(FUZZ_SECONDS) + 600 ))

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
	@rm -rf $(BUILD_DIR) $(SAN_DIR)
