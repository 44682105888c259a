// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - what the subcommands share: error lines, option values, the final
 * flush of stdout, and where the installed files are.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef LIBDIR
#define LIBDIR "/usr/local/lib/reboot-s390x"
#endif

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

/*
 * A file installed with this program: <bindir>/../lib/reboot-s390x/NAME once installed
 * (whatever the PREFIX), <build>/s390x/NAME in the build tree, else LIBDIR/NAME.
 */
static const char *installed(const char *name, char *path, size_t len)
{
	static const char *const dirs[] = { "/../lib/reboot-s390x/", "/s390x/" };
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t k;

	if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		for (k = 0; k < sizeof(dirs) / sizeof(dirs[0]); k++) {
			int m = snprintf(path, len, "%.*s%s%s", PATH_MAX / 2, exe, dirs[k], name);

			if (m < (int)len && access(path, R_OK) == 0)
				return path;
		}
	}
	snprintf(path, len, "%s/%s", LIBDIR, name);
	return path;
}

const char *cli_installed_init(void)
{
	static char path[PATH_MAX];

	return installed("reboot-s390x-init", path, sizeof(path));
}

const char *cli_installed_payload(void)
{
	static char path[PATH_MAX];

	return installed("reboot-s390x-payload.img", path, sizeof(path));
}

void cli_getopt_begin(void)
{
	opterr = 0; /* our own one-line errors */
	optind = 0; /* a fresh scan, GNU's full reset */
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	return getopt_long(argc + 1, argv - 1, shortopts, longopts, NULL);
}

int cli_getopt_fail(const char *command, char **argv, int c)
{
	/* argv[optind - 2] is the word getopt stopped at (argv[-1] is the command). */
	const char *word = optind >= 2 ? argv[optind - 2] : "?";
	char shortopt[3] = { '-', (char)optopt, '\0' };

	if (optopt && strncmp(word, "--", 2) != 0)
		word = shortopt;
	if (c == ':')
		return cli_error("%s: option '%s' requires an argument", command, word);
	return cli_error("%s: unknown option '%s' (see '" PROGRAM " %s --help')", command, word,
			 command);
}

const char *cli_tftp_root(void)
{
	const char *env = getenv("REBOOT_S390X_TFTP_ROOT");

	return env && *env ? env : CLI_TFTP_ROOT;
}
