/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel_rules.h - the s390 kernel's /sys/firmware/{ipl,reipl} attributes as a model: what
 * each attribute's store() accepts and how its show() prints the value.
 *
 * Written from arch/s390/kernel/ipl.c (read, not copied) and held against a real Debian
 * s390x kernel by tests/e2e/kernel-sysfs.sh. The tests mount it over a fixture's
 * sys/firmware with FUSE (kernel_sysfs.c), so that `reboot-s390x set` and the helper meet
 * what a real kernel does: a zero-length write changes nothing, O_TRUNC means nothing,
 * values come back as the kernel shows them, and refused values are EINVAL.
 */
#ifndef TESTS_KERNEL_RULES_H
#define TESTS_KERNEL_RULES_H

#include <stdbool.h>
#include <stddef.h>

#define KR_VALUE_MAX 4096

/* One attribute: its path below sys/firmware ("reipl/ccw/loadparm") and its state. */
struct kr_attr {
	char path[384];
	bool writable;
	unsigned char value[KR_VALUE_MAX]; /* what show() prints */
	size_t len;
};

/* The types the kernel offers for re-IPL: the subdirectories of reipl/ that exist. */
struct kr_model {
	struct kr_attr *attrs;
	size_t count;
	char types[8][8];
	int ntypes;
};

/*
 * The attribute's store() with @len bytes at @buf: 0 and the new shown value, or a
 * negative errno (EINVAL, E2BIG) with the value unchanged. A zero-length write never
 * reaches store() in the kernel, and changes nothing here either.
 */
int kr_store(const struct kr_model *m, struct kr_attr *a, const char *buf, size_t len);

/* Set an attribute's shown value from a fixture file, normalised as show() would. */
void kr_load(struct kr_attr *a, const char *text, size_t len);

#endif
