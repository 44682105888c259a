// SPDX-License-Identifier: GPL-2.0
/*
 * findings.c - findings of `pxe check` and `doctor`, printed one per line, and the count.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "lint.h"

void cli_print_findings(const struct pxe_findings *f)
{
	static const char *const word[] = {
		[PXE_WARNING] = "warning", [PXE_ERROR] = "error", [PXE_NOTE] = "note"
	};
	size_t i;

	for (i = 0; i < f->count; i++) {
		const struct pxe_finding *x = &f->items[i];

		if (x->line)
			printf("%s:%d: %s: %s\n", x->subject, x->line, word[x->severity], x->msg);
		else
			printf("%s: %s: %s\n", x->subject, word[x->severity], x->msg);
	}
}

int cli_findings_summary(const struct pxe_findings *f)
{
	size_t errors = pxe_findings_errors(f), warnings = pxe_findings_warnings(f);

	printf("%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
	       warnings == 1 ? "" : "s");
	return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
