// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - how the subcommands speak: untrusted text escaped, error and warning lines,
 * and the final flush of stdout.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_put_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

/* One line on stderr after @label, control characters escaped whatever the arguments held. */
static void report_line(const char *label, const char *fmt, va_list ap)
{
	char msg[4096];

	fflush(stdout);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fputs(PROGRAM ": ", stderr);
	fputs(label, stderr);
	cli_put_escaped(stderr, msg);
	fputc('\n', stderr);
}

int cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_line("error: ", fmt, ap);
	va_end(ap);
	return EXIT_FAILURE;
}

int cli_no_json(const char *command)
{
	return cli_error("%s: this static build has no --json; the packaged reboot-s390x has",
			 command);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_line("warning: ", fmt, ap);
	va_end(ap);
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
