// SPDX-License-Identifier: GPL-2.0
/*
 * findings.c - findings of `pxe check` and `doctor`, printed one per line, and the count.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "pxe/lint.h"
#include "table.h"

void cli_print_findings(const struct pxe_findings *f)
{
	static const char *const word[] = {
		[PXE_WARNING] = "warning", [PXE_ERROR] = "error", [PXE_NOTE] = "note"
	};
	size_t i;

	/* File names in pxelinux.cfg/ come from whoever may write the tree: escape them. */
	for (i = 0; i < f->count; i++) {
		const struct pxe_finding *x = &f->items[i];

		cli_put_escaped(stdout, x->subject);
		if (x->line)
			printf(":%d", x->line);
		printf(": %s: ", word[x->severity]);
		cli_put_escaped(stdout, x->msg);
		putchar('\n');
	}
}

int cli_findings_summary(const struct pxe_findings *f)
{
	size_t errors = pxe_findings_errors(f), warnings = pxe_findings_warnings(f);

	printf("%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
	       warnings == 1 ? "" : "s");
	return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}

int cli_findings_report(const struct pxe_findings *f, bool json)
{
	static const char *const cols[] = { "SUBJECT", "LINE", "SEVERITY", "MESSAGE" };
	static const char *const word[] = {
		[PXE_WARNING] = "warning", [PXE_ERROR] = "error", [PXE_NOTE] = "note"
	};
	struct cli_table *t;
	size_t i;

	if (!json) {
		cli_print_findings(f);
		return cli_findings_summary(f);
	}
	t = cli_table_new("findings", true, cols, 4);
	if (t)
		cli_table_number(t, 1);
	for (i = 0; t && i < f->count; i++) {
		const struct pxe_finding *x = &f->items[i];
		char line[16];
		const char *row[4] = { x->subject, line, word[x->severity], x->msg };

		snprintf(line, sizeof(line), "%d", x->line);
		if (cli_table_row(t, row))
			break;
	}
	if (!t || i < f->count) {
		cli_table_free(t);
		return cli_error("out of memory");
	}
	cli_table_print(t);
	return pxe_findings_errors(f) ? EXIT_FAILURE : EXIT_SUCCESS;
}
