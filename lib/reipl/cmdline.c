// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline.c - kernel command line parsing for the re-IPL helper.
 *
 * The word splitting follows the kernel's next_arg() (lib/cmdline.c): a double quote
 * toggles quoting anywhere in a word, and quotes that open the value (or the word) and
 * close the word are removed. So rd.chreipl="ccw 0.0.0002" is one word whose value is
 * "ccw 0.0.0002", exactly what the kernel would hand to a module parameter.
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <errno.h>
#include <string.h>

#include "reipl/cmdline.h"
#include "reipl/hex.h"
#include "reipl/reipl_error.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Find the next word at *pos. Sets @name/@name_len and @val/@val_len (val NULL when the
 * word has no '='). Returns false at the end of the line.
 */
static bool next_word(const char **pos, const char **name, size_t *name_len, const char **val,
		      size_t *val_len)
{
	const char *s = *pos, *eq = NULL;
	bool in_quote = false, quoted = false;
	size_t i;

	while (is_blank(*s))
		s++;
	if (!*s) {
		*pos = s;
		return false;
	}
	if (*s == '"') {
		s++;
		in_quote = quoted = true;
	}
	for (i = 0; s[i]; i++) {
		if (is_blank(s[i]) && !in_quote)
			break;
		if (!eq && s[i] == '=')
			eq = s + i;
		if (s[i] == '"')
			in_quote = !in_quote;
	}
	*pos = s + i;
	*name = s;
	if (!eq) {
		*name_len = (quoted && i > 0 && s[i - 1] == '"') ? i - 1 : i;
		*val = NULL;
		*val_len = 0;
		return true;
	}
	*name_len = (size_t)(eq - s);
	*val = eq + 1;
	*val_len = i - (*name_len + 1);
	if (*val_len > 0 && **val == '"') {
		(*val)++;
		(*val_len)--;
		if (*val_len > 0 && (*val)[*val_len - 1] == '"')
			(*val_len)--;
	} else if (quoted && *val_len > 0 && (*val)[*val_len - 1] == '"') {
		(*val_len)--;
	}
	return true;
}

static bool word_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(name, want, len) == 0;
}

static int parse_onerror(const char *val, size_t len, enum reipl_onerror *out)
{
	static const enum reipl_onerror all[] = { REIPL_ONERROR_POWEROFF, REIPL_ONERROR_HALT,
						  REIPL_ONERROR_REBOOT, REIPL_ONERROR_SHELL };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (word_is(val, len, reipl_onerror_name(all[i]))) {
			*out = all[i];
			return 0;
		}
	}
	return -EINVAL;
}

static int append_chreipl(struct reipl_cmdline *out, const char *val, size_t len,
			  struct reipl_error *err)
{
	size_t used = strlen(out->chreipl);
	size_t need = used + (used ? 1 : 0) + len + 1;

	if (need > sizeof(out->chreipl))
		return reipl_fail(err, -E2BIG, "rd.chreipl= values are too long");
	if (used)
		out->chreipl[used++] = ' ';
	memcpy(out->chreipl + used, val, len);
	out->chreipl[used + len] = '\0';
	out->has_chreipl = true;
	return 0;
}

static int parse_words(const char *cmdline, struct reipl_cmdline *out, struct reipl_error *err)
{
	const char *pos = cmdline, *name, *val;
	size_t name_len, val_len;
	char num[16];
	uint64_t delay;
	int rc;

	memset(out, 0, sizeof(*out));
	out->onerror = REIPL_ONERROR_POWEROFF;
	while (next_word(&pos, &name, &name_len, &val, &val_len)) {
		if (word_is(name, name_len, "rd.chreipl")) {
			if (!val || val_len == 0)
				return reipl_fail(err, -EINVAL, "rd.chreipl= needs a value");
			rc = append_chreipl(out, val, val_len, err);
			if (rc)
				return rc;
		} else if (word_is(name, name_len, "rd.reipl.onerror")) {
			if (!val || parse_onerror(val, val_len, &out->onerror))
				return reipl_fail(
					err, -EINVAL,
					"rd.reipl.onerror= must be poweroff, halt, reboot "
					"or shell");
			out->has_onerror = true;
		} else if (word_is(name, name_len, "rd.reipl.delay")) {
			if (!val || val_len == 0 || val_len >= sizeof(num))
				rc = -EINVAL;
			else {
				memcpy(num, val, val_len);
				num[val_len] = '\0';
				rc = reipl_parse_dec(num, REIPL_DELAY_MAX, &delay);
			}
			if (rc)
				return reipl_fail(
					err, -EINVAL,
					"rd.reipl.delay= must be a number of seconds from "
					"0 to %d",
					REIPL_DELAY_MAX);
			out->delay = (unsigned int)delay;
			out->has_delay = true;
		} else if (word_is(name, name_len, "rd.shell")) {
			/* dracut's spelling: rd.shell alone or =1 enables, =0 disables. */
			if (!val || word_is(val, val_len, "1"))
				out->shell = true;
			else if (word_is(val, val_len, "0"))
				out->shell = false;
			else
				return reipl_fail(err, -EINVAL, "rd.shell= must be 0 or 1");
		}
	}
	return 0;
}

int reipl_cmdline_split(char *s, char **words, int max)
{
	int n = 0;

	for (;;) {
		while (is_blank(*s))
			*s++ = '\0';
		if (!*s)
			return n;
		if (n == max)
			return -E2BIG;
		words[n++] = s;
		while (*s && !is_blank(*s))
			s++;
	}
}

const char *reipl_onerror_name(enum reipl_onerror action)
{
	switch (action) {
	case REIPL_ONERROR_HALT:
		return "halt";
	case REIPL_ONERROR_REBOOT:
		return "reboot";
	case REIPL_ONERROR_SHELL:
		return "shell";
	case REIPL_ONERROR_POWEROFF:
		break;
	}
	return "poweroff";
}

int reipl_cmdline_parse(const char *cmdline, struct reipl_cmdline *out, struct reipl_error *err)
{
	int rc = parse_words(cmdline, out, err);

	/*
	 * A broken command line gets the safe action, whatever an earlier word asked for:
	 * "rd.reipl.onerror=reboot rd.reipl.onerror=bogus" must not reboot into the network
	 * again and again.
	 */
	if (rc) {
		out->onerror = REIPL_ONERROR_POWEROFF;
		out->has_onerror = false;
	}
	return rc;
}
