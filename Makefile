# Thin wrapper over CMake: the two commands of the README.
#   make run   installs what is missing, builds, opens the app (or the terminal demo without a display)
#   make test  installs what is missing, builds, runs every test (and, with CI=true, again under
#              ASan/UBSan, then each libFuzzer target briefly)
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
CMAKE_FLAGS += -DSYSCOPE_WERROR=ON
endif

.PHONY: all deps configure build run demo test test-asan fuzz package clean format

all: build

deps:
	bash packaging/install-deps.sh

configure:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: deps build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != "offscreen" ]; then \
		exec $(BUILD_DIR)/app/gui/syscope; \
	else \
		$(MAKE) --no-print-directory demo; \
	fi

demo:
	@bash packaging/terminal-demo.sh $(BUILD_DIR)

# CI (CI=true) and SYSCOPE_ASAN=1 add a second pass of the whole suite under ASan and UBSan.
test: deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_FLAGS)
ifneq ($(filter true,$(CI))$(filter 1,$(SYSCOPE_ASAN)),)
	$(MAKE) --no-print-directory test-asan
endif
ifeq ($(CI),true)
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15
endif

# Address, undefined-behaviour and leak errors fail the test. LeakSanitizer cannot inspect a
# process that is being ptraced, so the sanitized programs that tests trace (the demo) opt out of
# it themselves. A suite that fails is run once more: LeakSanitizer's own stop-the-world helper
# sometimes crashes at exit on a loaded machine ("Tracer caught signal 11 ... LeakSanitizer has
# encountered a fatal error", google/sanitizers#1353), after every test of the suite passed. An
# error of the code under test shows again on the second run.
test-asan:
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DSYSCOPE_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -LE no-asan --repeat until-pass:2 $(CTEST_FLAGS)

# The libFuzzer targets (clang), with the core library instrumented for coverage, run for
# FUZZ_SECONDS each on copies of the seed corpora.
fuzz:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DSYSCOPE_BUILD_FUZZERS=ON -DSYSCOPE_SANITIZE=ON -DSYSCOPE_BUILD_GUI=OFF \
		-DSYSCOPE_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target syscope-cli trace_reader_fuzz \
		strace_import_fuzz vdso_fuzz
	ASAN_OPTIONS=detect_leaks=0 bash tests/fuzz/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

package: deps build
	cd $(BUILD_DIR) && cpack -G DEB

format:
	git ls-files '*.cpp' '*.h' '*.c' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)
