# Makefile - reboot-s390x: build, test and install.
#
#   make                 host programs (for tests and the TFTP host) and the static s390x init
#   make check-unit      the tests that need neither QEMU nor libvirtd (seconds)
#   make check           install missing Debian packages and QEMU lanes, then every test
#                        (QEMU_LANE=7.2|10.0|newest: the emulated tests on that QEMU only)
#   make demo            the whole provisioning loop in emulation (LIBVIRT=1: via libvirt;
#                        KEEP=1: keep its TFTP tree; QEMU_LANE=7.2: on Debian 12's QEMU)
#   make fuzz            every fuzzer for FUZZ_TIME seconds (default 600), new inputs kept
#                        in build/fuzz/corpus/
#   make rpm             the RPMs (build/rpm/RPMS); Debian's: dpkg-buildpackage -us -uc -b
#   make install         DESTDIR= PREFIX= (default /usr/local); DRACUTMODDIR=, BASHCOMPDIR=,
#                        SYSTEMDUNITDIR= override where dracut, bash-completion and
#                        systemd look; make uninstall removes exactly that
#   make clean
#   V=1                  show the commands
#
# The s390x init is cross-compiled with CROSS_COMPILE (s390x-linux-gnu- unless the host is
# s390x). Test builds use ASan and UBSan.

VERSION := 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
BUILD := build

HOST_ARCH := $(shell uname -m)
ifeq ($(HOST_ARCH),s390x)
CROSS_COMPILE ?=
else
CROSS_COMPILE ?= s390x-linux-gnu-
endif

CC ?= cc
S390_CC := $(CROSS_COMPILE)gcc
S390_STRIP := $(CROSS_COMPILE)strip

# Warnings are errors for developers and CI (ENABLE_WERROR=1, the default); distribution
# builds, whose newer compilers may warn where ours did not, pass ENABLE_WERROR=0.
ENABLE_WERROR ?= 1
WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral -Wundef -Wvla
ifeq ($(ENABLE_WERROR),1)
WARNINGS += -Werror
endif
CFLAGS ?= -O2 -g
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -Ilib -DVERSION='"$(VERSION)"' \
	-DLIBDIR='"$(PREFIX)/lib/reboot-s390x"' $(WARNINGS)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
S390_CFLAGS := -Os -static -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
S390_LDFLAGS := -static -Wl,--gc-sections

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

LIB_SRCS := $(sort $(wildcard lib/reipl/*.c))
INITRD_SRCS := $(sort $(wildcard lib/initrd/*.c))
PXE_SRCS := $(sort $(wildcard lib/pxe/*.c))
# libvirt's side: domains, events, networks, doctor (lib/pxe never calls into it)
VIRT_SRCS := $(sort $(wildcard lib/virt/*.c))
# The command line tool's libraries, one pkg-config name each; the s390x init needs none.
# (Asked once, when first used: a fresh machine's `make check` installs them first.)
CLI_PKGS := libarchive libvirt libselinux libxml-2.0 smartcols libsystemd
pkgconf = $(shell pkg-config $(1) $(CLI_PKGS))
CLI_CFLAGS = $(eval CLI_CFLAGS := $(call pkgconf,--cflags))$(CLI_CFLAGS)
CLI_LIBS = $(eval CLI_LIBS := $(call pkgconf,--libs))$(CLI_LIBS)
CLI_SRCS := $(sort $(wildcard cli/*.c))
INIT_SRCS := $(sort $(wildcard init/*.c))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))

objs = $(patsubst %.c,$(BUILD)/$(1)/%.o,$(2))

PAYLOAD := $(BUILD)/s390x/reboot-s390x-payload.img
PROGRAMS := $(BUILD)/reboot-s390x $(BUILD)/reboot-s390x-init $(BUILD)/s390x/reboot-s390x-init \
	$(PAYLOAD)
SAN_PROGRAMS := $(BUILD)/san/reboot-s390x $(BUILD)/san/reboot-s390x-init
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/san/tests/%,$(UNIT_SRCS))

.PHONY: all initrd check check-unit check-run deps demo install uninstall rpm clean format
.DEFAULT_GOAL := all
# Keep the objects of the test programs between runs.
.SECONDARY:

all: $(PROGRAMS)

# --- host build -------------------------------------------------------------------------
$(BUILD)/host/%.o: %.c
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(CLI_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/reboot-s390x: $(call objs,host,$(CLI_SRCS) $(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS))
	$(quiet) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CLI_LIBS)

$(BUILD)/reboot-s390x-init: $(call objs,host,$(INIT_SRCS) $(LIB_SRCS))
	$(quiet) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

# The watch at scale against libvirt's test driver (bench/watch_scale.c): make bench-watch
$(BUILD)/bench/watch-scale: $(BUILD)/host/bench/watch_scale.o \
		$(call objs,host,$(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS))
	$(quiet) LD $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CLI_LIBS)

.PHONY: bench-watch
bench-watch: $(BUILD)/bench/watch-scale
	$(Q)$(BUILD)/bench/watch-scale $(BENCH_N)

# --- sanitizer build, for tests ---------------------------------------------------------
$(BUILD)/san/%.o: %.c
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(CLI_CFLAGS) -O1 -g $(SAN_FLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/san/reboot-s390x: $(call objs,san,$(CLI_SRCS) $(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS))
	$(quiet) LD $@
	$(Q)$(CC) $(SAN_FLAGS) -o $@ $^ $(CLI_LIBS)

$(BUILD)/san/reboot-s390x-init: $(call objs,san,$(INIT_SRCS) $(LIB_SRCS))
	$(quiet) LD $@
	$(Q)$(CC) $(SAN_FLAGS) -o $@ $^

# A test that makes libvirt refuse on cue wraps the library's call into it.
WRAP_test_provision := -Wl,--wrap=pxe_libvirt_define -Wl,--wrap=pxe_libvirt_domain_xml
$(BUILD)/san/tests/%: $(BUILD)/san/tests/unit/%.o $(BUILD)/san/tests/unit/fixture.o \
		$(call objs,san,$(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS))
	$(quiet) LD $@
	$(Q)$(CC) $(SAN_FLAGS) $(WRAP_$*) -o $@ $^ -lcmocka $(CLI_LIBS)

# --- fuzzers (tests/fuzz/): clang's libFuzzer with ASan and UBSan ------------------------
# make check replays each seed corpus and fuzzes each harness for FUZZ_RUNS inputs from a
# fixed seed; make fuzz runs them for FUZZ_TIME seconds each, new inputs kept in
# build/fuzz/corpus/.
FUZZ_CC := clang
FUZZ_FLAGS := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -g -O1
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZERS := $(patsubst %,$(BUILD)/fuzz/fuzz_%,$(FUZZ_NAMES))
FUZZ_TIME ?= 600

$(BUILD)/fuzz/%.o: %.c
	$(quiet) FUZZCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(BASE_CFLAGS) $(CLI_CFLAGS) $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/fuzz/fuzz_%: $(BUILD)/fuzz/tests/fuzz/fuzz_%.o \
		$(call objs,fuzz,$(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS))
	$(quiet) LD $@
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(CLI_LIBS)

.PHONY: fuzz fuzzers
fuzzers: $(FUZZERS)
fuzz: $(FUZZERS)
	$(Q)tests/fuzz/replay.sh --time $(FUZZ_TIME) --keep $(BUILD)/fuzz/corpus $(FUZZ_NAMES)

# --- the kernel's /sys/firmware as a FUSE file system, for the tests --------------------
# The unit and command-level tests run on plain fixture files and again, with
# KERNEL_SYSFS=1, on fixtures whose sys/firmware follows the kernel's store()/show() rules.
KSYSFS_SRCS := tests/sysfs/kernel_sysfs.c tests/sysfs/kernel_rules.c

$(BUILD)/tests/kernel-sysfs: $(KSYSFS_SRCS) tests/sysfs/kernel_rules.h
	$(quiet) LD $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(WARNINGS) -O1 -g $(SAN_FLAGS) \
		$(shell pkg-config --cflags fuse3) -o $@ $(KSYSFS_SRCS) $(shell pkg-config --libs fuse3)

# --- static s390x init ------------------------------------------------------------------
$(BUILD)/s390x/obj/%.o: %.c
	$(quiet) S390CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(BASE_CFLAGS) $(S390_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/s390x/reboot-s390x-init: $(call objs,s390x/obj,$(INIT_SRCS) $(LIB_SRCS))
	$(quiet) S390LD $@
	$(Q)$(S390_CC) $(S390_CFLAGS) $(S390_LDFLAGS) -o $@ $^
	$(Q)$(S390_STRIP) $@

# The command line tool's re-IPL commands (set, show, devices) as a static s390x program,
# for a test guest that runs them against a real kernel (tests/e2e/kernel-sysfs.sh).
CLI_REIPL_SRCS := cli/main.c cli/cmd_set.c cli/cmd_show.c cli/cmd_devices.c cli/report.c \
	cli/getopt.c cli/paths.c

$(BUILD)/s390x/reboot-s390x-reipl: $(CLI_REIPL_SRCS) $(LIB_SRCS)
	$(quiet) S390CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(BASE_CFLAGS) -DCLI_REIPL_ONLY $(S390_CFLAGS) $(S390_LDFLAGS) -o $@ $^
	$(Q)$(S390_STRIP) $@

$(BUILD)/s390x/e2e-sysfs-probe: tests/e2e/sysfs_probe.c
	$(quiet) S390CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(BASE_CFLAGS) $(S390_CFLAGS) $(S390_LDFLAGS) -o $@ $<
	$(Q)$(S390_STRIP) $@

$(BUILD)/tests/kernel-rules-check: tests/sysfs/kernel_rules_check.c tests/sysfs/kernel_rules.c \
		tests/sysfs/kernel_rules.h
	$(quiet) LD $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(WARNINGS) -O1 -g $(SAN_FLAGS) -o $@ \
		tests/sysfs/kernel_rules_check.c tests/sysfs/kernel_rules.c

$(BUILD)/s390x/e2e-marker-init: tests/e2e/marker_init.c
	$(quiet) S390CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(BASE_CFLAGS) $(S390_CFLAGS) $(S390_LDFLAGS) -o $@ $<
	$(Q)$(S390_STRIP) $@

# The firmware-model tests' stand-in kernel: the payload's start code and console, and
# a main that prints which file it is, its initrd and its command line.
MARKER_KERNEL := $(BUILD)/s390x/e2e-marker-kernel.img
MARKER_SRCS := payload/head.S tests/e2e/marker_kernel.c payload/sclp.c payload/libc.c
MARKER_OBJS := $(patsubst %,$(BUILD)/s390x/payload/%.o,$(MARKER_SRCS))

$(BUILD)/s390x/e2e-marker-kernel.elf: $(MARKER_OBJS) payload/payload.ld
	$(quiet) S390LD $@
	$(Q)$(S390_CC) $(PAYLOAD_LDFLAGS) -Wl,--no-warn-rwx-segments -o $@ $(MARKER_OBJS) -lgcc

$(MARKER_KERNEL): $(BUILD)/s390x/e2e-marker-kernel.elf
	$(quiet) OBJCOPY $@
	$(Q)$(CROSS_COMPILE)objcopy -O binary $< $@

# --- the reboot initrd -----------------------------------------------------------------
initrd: $(BUILD)/reboot-initrd.img

$(BUILD)/reboot-initrd.img: $(BUILD)/reboot-s390x $(BUILD)/s390x/reboot-s390x-init
	$(quiet) MKINITRD $@
	$(Q)$(BUILD)/reboot-s390x mkinitrd --init $(BUILD)/s390x/reboot-s390x-init -o $@

# --- the freestanding payload -------------------------------------------------------------
# No libc: payload/ has the start code, the console, the channel subsystem, DIAGNOSE 308
# and a few string functions; the parsing is lib/reipl's own, compiled freestanding.
PAYLOAD_SRCS := payload/head.S payload/main.c payload/sclp.c payload/css.c \
	payload/diag308.c payload/libc.c lib/reipl/cmdline.c lib/reipl/target.c \
	lib/reipl/busid.c lib/reipl/hex.c lib/reipl/reipl_error.c lib/reipl/ccw_kind.c
# (=, not :=: the cross compiler is asked only when the payload is built, not by every
# make, so a fresh machine's first `make check` prints no error before it installs it)
PAYLOAD_CFLAGS = -std=gnu11 -Os -ffreestanding -nostdinc \
	-isystem $(shell $(S390_CC) -print-file-name=include) -Ipayload/include -Ilib \
	-DVERSION='"$(VERSION)"' $(WARNINGS) -fno-pic -fno-pie -fno-stack-protector \
	-msoft-float -mno-vx -fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -ffunction-sections -fdata-sections --param=min-pagesize=0
PAYLOAD_LDFLAGS := -nostdlib -static -no-pie -Wl,-T,payload/payload.ld -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,-z,noexecstack
PAYLOAD_OBJS := $(patsubst %,$(BUILD)/s390x/payload/%.o,$(PAYLOAD_SRCS))

$(BUILD)/s390x/payload/%.c.o: %.c
	$(quiet) S390CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(PAYLOAD_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/s390x/payload/%.S.o: %.S
	$(quiet) S390AS $@
	$(Q)mkdir -p $(@D)
	$(Q)$(S390_CC) $(PAYLOAD_CFLAGS) -c -o $@ $<

$(BUILD)/s390x/reboot-s390x-payload.elf: $(PAYLOAD_OBJS) payload/payload.ld
	$(quiet) S390LD $@
	$(Q)$(S390_CC) $(PAYLOAD_LDFLAGS) -o $@ $(PAYLOAD_OBJS) -lgcc

$(PAYLOAD): $(BUILD)/s390x/reboot-s390x-payload.elf
	$(quiet) OBJCOPY $@
	$(Q)$(CROSS_COMPILE)objcopy -O binary $< $@

# --- tests ------------------------------------------------------------------------------
deps:
	$(Q)scripts/install-deps.sh build check e2e libvirt package
	$(Q)scripts/qemu-lanes.sh prepare $(QEMU_LANES)

# Dependencies first, in their own make run, so nothing is compiled before the
# compilers and libraries are there.
check: deps
	$(Q)$(MAKE) --no-print-directory check-run

# Every emulated suite (firmware model, e2e, demo) runs once per QEMU lane
# (scripts/qemu-lanes.sh): Debian 12's 7.2, Debian 13's 10.0 and the newest generation (backports, else sid).
# QEMU_LANE=10.0 picks one.
QEMU_LANES := $(or $(QEMU_LANE),7.2 10.0 newest)
export QEMU_LANES

# The runner (tests/runner.sh) gives each suite a time limit and closes with the number
# of checks: "N passed, M failed, K skipped". The fuzzers run a fixed number of inputs from
# a fixed seed here (make fuzz explores).
FUZZ_RUNS ?= 200000
check-run: $(PROGRAMS) $(SAN_PROGRAMS) $(UNIT_TESTS) $(BUILD)/s390x/e2e-marker-init $(MARKER_KERNEL) \
		$(BUILD)/tests/kernel-sysfs $(BUILD)/tests/kernel-rules-check \
		$(BUILD)/s390x/reboot-s390x-reipl $(BUILD)/s390x/e2e-sysfs-probe $(FUZZERS)
	$(Q)tests/runner.sh --limit 300 $(UNIT_TESTS) $(foreach t,$(UNIT_TESTS),"env KERNEL_SYSFS=1 $(t)") \
		tests/cli/test-cli.sh "env KERNEL_SYSFS=1 tests/cli/test-cli.sh" \
		tests/cli/test-install.sh tests/docs/test-docs.sh tests/layout/test-layout.sh \
		--limit 900 tests/packages/test-deb.sh tests/packages/test-rpm.sh \
		"tests/fuzz/replay.sh --runs $(FUZZ_RUNS) $(FUZZ_NAMES)" tests/e2e/test-fetch.sh \
		--limit 3000 tests/e2e/lanes.sh \
		--limit 1200 tests/libvirt/workflow.sh tests/libvirt/reprovision.sh \
		tests/libvirt/real-system.sh

# Seconds, no QEMU and no libvirtd: the unit tests, the programs against fixtures, the
# documentation. What the packages' builds run, unprivileged: what needs root is skipped
# and counted.
check-unit: $(PROGRAMS) $(SAN_PROGRAMS) $(UNIT_TESTS)
	$(Q)tests/runner.sh --limit 300 $(UNIT_TESTS) tests/cli/test-cli.sh tests/docs/test-docs.sh \
		tests/layout/test-layout.sh

# --- the demo ---------------------------------------------------------------------------
# The whole provisioning loop on one emulated guest; LIBVIRT=1 goes through libvirt.
# QEMU 10.0 unless QEMU_LANE says otherwise: the local step shows the firmware's fallback.
demo: QEMU_LANES := $(or $(QEMU_LANE),10.0)
demo: deps
	$(Q)$(MAKE) --no-print-directory $(PROGRAMS) $(BUILD)/s390x/e2e-marker-init
	$(Q)LIBVIRT=$(LIBVIRT) KEEP=$(KEEP) QEMU_LANE=$(QEMU_LANES) demo/run.sh

# --- install ----------------------------------------------------------------------------
# Every path is the install's own: the program looks for its files beside itself first
# (<bindir>/../lib/reboot-s390x), then in $(PREFIX)/lib/reboot-s390x, compiled in and
# rebuilt when PREFIX changes. dracut and bash-completion are asked where they look.
DRACUTMODDIR ?= $(or $(shell pkg-config --variable=dracutmodulesdir dracut 2>/dev/null),/usr/lib/dracut/modules.d)
BASHCOMPDIR ?= $(or $(shell pkg-config --variable=completionsdir bash-completion 2>/dev/null),$(PREFIX)/share/bash-completion/completions)
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
LIBEXEC := $(PREFIX)/lib/reboot-s390x
INSTALLED := $(PREFIX)/sbin/reboot-s390x $(LIBEXEC)/reboot-s390x-init \
	$(LIBEXEC)/reboot-s390x-payload.img $(DRACUTMODDIR)/99reboot-s390x/module-setup.sh \
	$(PREFIX)/share/man/man8/reboot-s390x.8 $(PREFIX)/share/man/man8/reboot-s390x-init.8 \
	$(SYSTEMDUNITDIR)/reboot-s390x-watch.service $(BASHCOMPDIR)/reboot-s390x

# The compiled-in PREFIX: paths.o is rebuilt when it changes. The stamp's recipe runs
# every time but touches it only when PREFIX differs from the one it holds.
PREFIX_STAMP := $(BUILD)/prefix.stamp
$(PREFIX_STAMP): FORCE
	$(Q)mkdir -p $(@D)
	$(Q)[ "$$(cat $@ 2>/dev/null)" = "$(PREFIX)" ] || echo "$(PREFIX)" >$@
$(BUILD)/host/cli/paths.o $(BUILD)/san/cli/paths.o: $(PREFIX_STAMP)
.PHONY: FORCE
FORCE:

install: $(PROGRAMS)
	install -D -m 0755 $(BUILD)/reboot-s390x $(DESTDIR)$(PREFIX)/sbin/reboot-s390x
	install -D -m 0755 $(BUILD)/s390x/reboot-s390x-init $(DESTDIR)$(LIBEXEC)/reboot-s390x-init
	install -D -m 0644 $(PAYLOAD) $(DESTDIR)$(LIBEXEC)/reboot-s390x-payload.img
	install -d $(DESTDIR)$(DRACUTMODDIR)/99reboot-s390x
	sed 's|^reboot_s390x_libdir=.*|reboot_s390x_libdir=$(LIBEXEC)|' \
		dracut/99reboot-s390x/module-setup.sh \
		>$(DESTDIR)$(DRACUTMODDIR)/99reboot-s390x/module-setup.sh
	chmod 0755 $(DESTDIR)$(DRACUTMODDIR)/99reboot-s390x/module-setup.sh
	install -D -m 0644 man/reboot-s390x.8 $(DESTDIR)$(PREFIX)/share/man/man8/reboot-s390x.8
	install -D -m 0644 man/reboot-s390x-init.8 \
		$(DESTDIR)$(PREFIX)/share/man/man8/reboot-s390x-init.8
	install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	sed 's|@SBINDIR@|$(PREFIX)/sbin|' systemd/reboot-s390x-watch.service.in \
		>$(DESTDIR)$(SYSTEMDUNITDIR)/reboot-s390x-watch.service
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/reboot-s390x-watch.service
	install -D -m 0644 completion/reboot-s390x $(DESTDIR)$(BASHCOMPDIR)/reboot-s390x

# --- packages -------------------------------------------------------------------------
# make rpm: the RPMs from packaging/rpm/reboot-s390x.spec, with rpmbuild, from the tracked
# files. On Debian the Fedora build dependencies are not installed: --nodeps. The Debian
# packages: dpkg-buildpackage -us -uc -b (debian/).
RPMDIR := $(BUILD)/rpm
rpm:
	$(Q)rm -rf $(RPMDIR) && mkdir -p $(RPMDIR)/SOURCES
	$(Q)mkdir $(RPMDIR)/reboot-s390x-$(VERSION) && git ls-files -z | \
		tar --null -cf - -T - | tar -xf - -C $(RPMDIR)/reboot-s390x-$(VERSION)
	$(Q)tar -C $(RPMDIR) -czf $(RPMDIR)/SOURCES/reboot-s390x-$(VERSION).tar.gz \
		reboot-s390x-$(VERSION)
	$(Q)rpmbuild --nodeps --define '_topdir $(abspath $(RPMDIR))' \
		--define 'debug_package %{nil}' -bb packaging/rpm/reboot-s390x.spec

# Exactly what install wrote, and the directories of ours it made.
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	-rmdir $(DESTDIR)$(LIBEXEC) $(DESTDIR)$(DRACUTMODDIR)/99reboot-s390x 2>/dev/null

format:
	clang-format -i $(LIB_SRCS) $(INITRD_SRCS) $(PXE_SRCS) $(VIRT_SRCS) $(CLI_SRCS) $(INIT_SRCS) lib/*/*.h cli/*.h \
		$(UNIT_SRCS) $(wildcard tests/fuzz/*.c tests/fuzz/*.h payload/*.c payload/*.h payload/include/*.h) \
		init/*.h tests/e2e/*.c tests/sysfs/*.c tests/sysfs/*.h

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -path $(BUILD)/rpm -prune -o -name '*.d' -type f -print 2>/dev/null)
