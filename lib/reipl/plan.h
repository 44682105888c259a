/* SPDX-License-Identifier: GPL-2.0 */
/*
 * plan.h - the sysfs writes that set a re-IPL target, built and checked before any is made.
 */
#ifndef REIPL_PLAN_H
#define REIPL_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "reipl/target.h"

#define REIPL_PLAN_MAX 10

/* How the kernel shows an attribute back (its show() in arch/s390/kernel/ipl.c). */
enum reipl_readback {
	REIPL_READBACK_EXACT,
	REIPL_READBACK_BLANKS,	/* loadparm: without trailing blanks */
	REIPL_READBACK_NSSNAME, /* upper-cased, blank-padded to 8 */
	REIPL_READBACK_VMPARM,	/* z/VM parm: lower-cased when it has no lower-case letter */
	REIPL_READBACK_SCPDATA, /* the bytes, NUL-padded to a multiple of 8 */
	REIPL_READBACK_NONE,	/* chreipl's reset of a setting the user did not give */
};

struct reipl_write {
	char attr[48]; /* below /sys/firmware/, e.g. "reipl/ccw/device" */
	char value[REIPL_SCPDATA_MAX + 2];
	size_t len;
	/* A reset the user did not ask for: a failure is ignored, as chreipl does. */
	bool optional;
	enum reipl_readback readback;
};

struct reipl_plan {
	enum reipl_type type;
	struct reipl_write writes[REIPL_PLAN_MAX];
	int count;
};

/*
 * Whether the kernel showing @got (newline stripped) holds what was written as @want
 * (@want_len bytes, its newline included), for an attribute shown the @how way.
 */
bool reipl_readback_same(const char *got, const char *want, size_t want_len,
			 enum reipl_readback how);

/*
 * Work out every write for a resolved target, in chreipl's order with reipl_type last,
 * and check that the kernel offers each attribute. A target type the kernel does not
 * offer, or an option it has no attribute for, is an error here, before anything is
 * written. `clear` is set to 1 where the kernel has it and -c was not given (with 0 Linux
 * re-IPLs with a DIAGNOSE 308 subcode that QEMU's emulator refuses).
 */
int reipl_plan_build(const char *root, const struct reipl_target *t, struct reipl_plan *plan,
		     struct reipl_error *err);

/* Make the writes in order, then read every one back and compare. */
int reipl_plan_apply(const char *root, const struct reipl_plan *plan, struct reipl_error *err);

#endif
