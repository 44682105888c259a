// SPDX-License-Identifier: GPL-2.0
/*
 * table.c - the tool's tables and JSON, from libsmartcols (see table.h).
 */
#include <errno.h>
#include <libsmartcols.h>
#include <stdlib.h>

#include "table.h"

struct cli_table {
	struct libscols_table *tb;
	int ncols;
};

struct cli_table *cli_table_new(const char *name, bool json, const char *const *cols, int ncols)
{
	struct cli_table *t = calloc(1, sizeof(*t));
	int i;

	if (!t || !(t->tb = scols_new_table())) {
		free(t);
		return NULL;
	}
	t->ncols = ncols;
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
	for (i = 0; i < t->ncols; i++)
		if (values[i] && values[i][0] &&
		    scols_line_set_data(line, (size_t)i, values[i]) != 0)
			return -ENOMEM;
	return 0;
}

void cli_table_print(struct cli_table *t)
{
	scols_print_table(t->tb);
	cli_table_free(t);
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	scols_unref_table(t->tb);
	free(t);
}
