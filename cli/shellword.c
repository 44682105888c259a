// SPDX-License-Identifier: GPL-2.0
/*
 * shellword.c - words of a command line a user may paste into a root shell.
 *
 * reprovision prints the command that finishes an interrupted job; a domain name or a
 * path from libvirt may hold anything ("a;touch${IFS}x", blanks, quotes). Each word is
 * printed as the shell reads it back as that one word, never as shell syntax.
 */
#include <string.h>

#include "cli.h"

void cli_put_shell_word(FILE *f, const char *word)
{
	/* Characters no POSIX shell treats specially anywhere in a word. */
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_@%+=:,./-";
	const char *p;

	if (*word && strspn(word, plain) == strlen(word)) {
		fputs(word, f);
		return;
	}
	/* Single quotes keep everything but themselves: a quote is '\'' (close, escaped
	 * quote, open). Control characters stay control characters in the word the shell
	 * reads; they are escaped nowhere else either, so a name is pasted as libvirt
	 * knows it. */
	fputc('\'', f);
	for (p = word; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", f);
		else
			fputc(*p, f);
	}
	fputc('\'', f);
}
