// SPDX-License-Identifier: GPL-2.0
/*
 * table.c - the tool's tables and JSON, from libsmartcols (see table.h).
 */
#include <errno.h>
#include <libsmartcols.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

struct cli_table {
	struct libscols_table *tb;
	int ncols;
	bool json;
};

/* The length of the valid UTF-8 sequence at @s, or 0 (overlong forms, surrogates and
 * code points above U+10FFFF are not valid). */
static size_t utf8_len(const unsigned char *s)
{
	unsigned cp;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* @s with every byte that is not part of valid UTF-8 as the text \xNN, malloc'ed: a
 * pxelinux file's bytes are anything, and JSON strings are UTF-8. */
static char *valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(4 * strlen(s) + 1), *o = out;
	size_t n;

	if (!out)
		return NULL;
	while (*p) {
		if ((n = utf8_len(p))) {
			memcpy(o, p, n);
			o += n, p += n;
		} else {
			o += sprintf(o, "\\x%02x", *p++);
		}
	}
	*o = '\0';
	return out;
}

struct cli_table *cli_table_new(const char *name, bool json, const char *const *cols, int ncols)
{
	struct cli_table *t = calloc(1, sizeof(*t));
	int i;

	if (!t || !(t->tb = scols_new_table())) {
		free(t);
		return NULL;
	}
	t->ncols = ncols;
	t->json = json;
	scols_table_enable_json(t->tb, json);
	scols_table_set_name(t->tb, name);
	for (i = 0; i < ncols; i++) {
		if (!scols_table_new_column(t->tb, cols[i], 0, 0)) {
			scols_unref_table(t->tb);
			free(t);
			return NULL;
		}
	}
	return t;
}

static struct libscols_column *json_type(struct cli_table *t, int col, int type)
{
	struct libscols_column *cl = scols_table_get_column(t->tb, (size_t)col);

	if (cl)
		scols_column_set_json_type(cl, type);
	return cl;
}

void cli_table_number(struct cli_table *t, int col)
{
	json_type(t, col, SCOLS_JSON_NUMBER);
}

void cli_table_list(struct cli_table *t, int col)
{
	struct libscols_column *cl = json_type(t, col, SCOLS_JSON_ARRAY_STRING);

	/* Cells wrap at their newlines, in text and in JSON, where each line is an item. */
	if (cl) {
		scols_column_set_flags(cl, scols_column_get_flags(cl) | SCOLS_FL_WRAP);
		scols_column_set_wrapfunc(cl, scols_wrapnl_chunksize, scols_wrapnl_nextchunk, NULL);
	}
}

int cli_table_row(struct cli_table *t, const char *const *values)
{
	struct libscols_line *line = scols_table_new_line(t->tb, NULL);
	int i;

	if (!line)
		return -ENOMEM;
	for (i = 0; i < t->ncols; i++) {
		char *text;

		if (!values[i] || !values[i][0])
			continue;
		if (!(text = valid_utf8(values[i])) || scols_line_refer_data(line, (size_t)i, text)) {
			free(text);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * libsmartcols prints an empty list as [ null ]; a list with nothing in it is []. Only
 * outside strings: a value may hold the same characters ("append x[null]").
 */
static void put_json(const char *s)
{
	bool in_string = false;

	for (; *s; s++) {
		const char *q = s + 1;

		if (in_string) {
			if (*s == '\\' && s[1])
				putchar(*s++);
			else if (*s == '"')
				in_string = false;
		} else if (*s == '"') {
			in_string = true;
		} else if (*s == '[') {
			q += strspn(q, " \n");
			if (strncmp(q, "null", 4) == 0 && q[4 + strspn(q + 4, " \n")] == ']') {
				fputs("[]", stdout);
				q += 4;
				s = q + strspn(q, " \n");
				continue;
			}
		}
		putchar(*s);
	}
}

void cli_table_print(struct cli_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;

	if (!t->json || !(mem = open_memstream(&buf, &len))) {
		scols_print_table(t->tb);
	} else {
		scols_table_set_stream(t->tb, mem);
		scols_print_table(t->tb);
		fclose(mem);
		put_json(buf);
		free(buf);
	}
	cli_table_free(t);
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	scols_unref_table(t->tb);
	free(t);
}
