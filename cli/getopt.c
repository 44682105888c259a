// SPDX-License-Identifier: GPL-2.0
/*
 * getopt.c - getopt_long over a subcommand's arguments, with the tool's own one-line
 * errors (see cli.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

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
