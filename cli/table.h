/* SPDX-License-Identifier: GPL-2.0 */
/*
 * table.h - tables and their --json form from one description of the columns, through
 * util-linux's libsmartcols (what lsblk and findmnt use): aligned columns for people,
 * stable JSON keys (the column names in lower case) for scripts, control characters in
 * untrusted text escaped in both.
 */
#ifndef REBOOT_S390X_TABLE_H
#define REBOOT_S390X_TABLE_H

#include <stdbool.h>

struct cli_table;

/*
 * A table of @ncols columns named @cols ("FILE", "GUEST"...), printed as text or, with
 * @json, as {"@name": [ {"file": ..., ...}, ... ]}. NULL when out of memory.
 */
struct cli_table *cli_table_new(const char *name, bool json, const char *const *cols, int ncols);

/* Column @col holds numbers: JSON gets them unquoted. */
void cli_table_number(struct cli_table *t, int col);

/* Column @col holds a list, one item per line of its cell: JSON gets an array of strings. */
void cli_table_list(struct cli_table *t, int col);

/* Add a row of @ncols values (NULL or "" for an empty cell). 0 or -ENOMEM. */
int cli_table_row(struct cli_table *t, const char *const *values);

/* Print the table to stdout and free it. */
void cli_table_print(struct cli_table *t);

/* Free a table not printed (after a failed row); NULL is fine. */
void cli_table_free(struct cli_table *t);

#endif
