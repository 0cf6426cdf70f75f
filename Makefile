# gomem — build, test, fuzz and benchmark.
#
#   make             build build/gomem
#   make check       install what the tests need (when missing), build, run every test
#   make asan        the same suite against an AddressSanitizer + UBSan build
#   make tsan        the parallel type checker's suite (types-par) under ThreadSanitizer
#   make fuzz        run every libFuzzer target for FUZZ_TIME seconds each
#   make bench       print speed and memory figures against the Go toolchain
#   make demo        build and run gomem on the bundled example
#   make install     install to $(PREFIX)/bin (PREFIX=/usr/local by default)

CC      ?= cc
PREFIX  ?= /usr/local
FUZZ_TIME ?= 60
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wswitch-enum -Wshadow -Wpointer-arith -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -Isrc $(CFLAGS)
LIBS    := -lz -lcurl -lgmp -lm -lpthread

B       ?= build
SRC     := $(sort $(wildcard src/*/*.c))
MAIN    := src/main.c
OBJ     := $(SRC:src/%.c=$(B)/obj/%.o)
UNIT    := $(sort $(wildcard tests/unit/*.c))
UNITBIN := $(UNIT:tests/unit/%.c=$(B)/tests/%)
FUZZSRC := $(sort $(wildcard fuzz/fuzz_*.c))
TOOLS   := $(sort $(wildcard tests/tools/*.c))
TOOLBIN := $(TOOLS:tests/tools/%.c=$(B)/tools/%)

.PHONY: print-libs all check test unit asan tsan fuzz fuzz-regress bench demo install clean deps

all: $(B)/gomem

$(B)/gomem: $(B)/obj/main.o $(B)/libgomem.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS) $(LDFLAGS)

$(B)/libgomem.a: $(OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/obj/main.o: src/commands.def

# Unit tests and the fuzz-regression replayer link against the library.
$(B)/tests/%: tests/unit/%.c $(B)/libgomem.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(B)/libgomem.a $(LIBS)

# Test tools (tests/tools/NAME.c): helpers the suites run, e.g. the scanner's token dumper.
$(B)/tools/%: tests/tools/%.c $(B)/libgomem.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(B)/libgomem.a $(LIBS)

$(B)/fuzz-replay/%: fuzz/%.c fuzz/replay_main.c $(B)/libgomem.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< fuzz/replay_main.c $(B)/libgomem.a $(LIBS)

-include $(OBJ:.o=.d) $(B)/obj/main.d

unit: $(UNITBIN) $(TOOLBIN) $(FUZZSRC:fuzz/%.c=$(B)/fuzz-replay/%)

deps:
	@scripts/deps.sh

check: deps
	$(MAKE) all unit
	GOMEM=$(CURDIR)/$(B)/gomem BUILD=$(CURDIR)/$(B) tests/run.sh

test: all unit
	GOMEM=$(CURDIR)/$(B)/gomem BUILD=$(CURDIR)/$(B) tests/run.sh

# The sanitizer build lives in its own tree so it never mixes with the normal objects.
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
asan: deps
	$(MAKE) B=build-asan CC=clang OPT="-O1 -g $(ASAN_FLAGS)" all unit
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	GOMEM=$(CURDIR)/build-asan/gomem BUILD=$(CURDIR)/build-asan SANITIZER=1 tests/run.sh

# ThreadSanitizer (clang): the types-par suite checks std and its programs with -j 8; a race
# makes the -j 8 run exit 66, which the suite reports as -j 1 and -j 8 disagreeing.
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
tsan: deps
	$(MAKE) B=build-tsan CC=clang OPT="-O1 -g $(TSAN_FLAGS)" all unit
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 SUITES="$(or $(SUITES),types-par)" \
	GOMEM=$(CURDIR)/build-tsan/gomem BUILD=$(CURDIR)/build-tsan SANITIZER=1 tests/run.sh

fuzz: deps
	@scripts/fuzz.sh $(FUZZ_TIME)

bench: all
	@bench/run.sh

demo: all
	@scripts/demo.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(B)/gomem $(DESTDIR)$(PREFIX)/bin/gomem

# For scripts that link outside make (scripts/fuzz.sh).
print-libs:
	@echo $(LIBS)

clean:
	rm -rf build build-asan build-tsan build-fuzz
