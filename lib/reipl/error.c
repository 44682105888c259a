// SPDX-License-Identifier: GPL-2.0
/*
 * error.c - filling struct reipl_error.
 */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

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
