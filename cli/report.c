// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - error lines and the final flush of stdout, for every subcommand.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(PROGRAM ": error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_FAILURE;
}

bool cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int cli_close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;

		return cli_error("write error on standard output: %s", strerror(e));
	}
	return status;
}
