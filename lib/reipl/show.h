/* SPDX-License-Identifier: GPL-2.0 */
/*
 * show.h - the current IPL or re-IPL settings, as lsreipl shows them.
 */
#ifndef REIPL_SHOW_H
#define REIPL_SHOW_H

#include <stdbool.h>
#include <stdio.h>

#include "reipl/reipl_error.h"

/*
 * Print lsreipl's block for the re-IPL settings (or, with @ipl, the IPL settings) to
 * @out: a "Re-IPL type:" header and one "Label:       value" line per field the kernel
 * offers for the type. Without lsreipl's bugs: no "type:: x (unknown)", no "(null)" for
 * absent files, "Bootparms" for every type. Returns 0 or a negative errno.
 */
int reipl_show(const char *root, bool ipl, FILE *out, struct reipl_error *err);

/*
 * The same fields, one call of @fn each, in lsreipl's order: @key is the stable --json
 * name ("type", "device", "loadparm", "bootparms", "wwpn"...), @label lsreipl's, @quoted
 * whether lsreipl quotes the value. Returns 0 or a negative errno.
 */
typedef void reipl_show_fn(void *arg, const char *key, const char *label, const char *value,
			   bool quoted);
int reipl_show_each(const char *root, bool ipl, reipl_show_fn *fn, void *arg,
		    struct reipl_error *err);

/* One line: "ccw 0.0.0002" or "fcp 0.0.1700 0x5005... 0x4010..." or "unknown". */
int reipl_show_short(const char *root, bool ipl, char *buf, size_t len);

#endif
