// SPDX-License-Identifier: GPL-2.0
/*
 * reipl_error.c - filling struct reipl_error.
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <stdarg.h>
#include <stdio.h>

#include "reipl/reipl_error.h"

int reipl_fail(struct reipl_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}
