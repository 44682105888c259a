// SPDX-License-Identifier: GPL-2.0
/*
 * labels.c - doctor's SELinux check: files in pxelinux.cfg/ whose context is not the one
 * the policy wants (the TFTP server may be denied them). Our own writes label their
 * files (tree.c); this finds the ones someone else put there.
 */
#include <limits.h>
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pxe/labels.h"
#include "pxe/tree.h"

/* Files whose SELinux context differs from what the policy wants. */
void pxe_labels_check(const struct pxe_tree *t, struct pxe_findings *out)
{
	char real[PATH_MAX], path[PATH_MAX + 80];
	struct selabel_handle *h;
	char **names;
	size_t n, i;

	if (is_selinux_enabled() <= 0 || !realpath(t->root, real))
		return;
	h = selabel_open(SELABEL_CTX_FILE, NULL, 0);
	if (!h) {
		pxe_findings_add(out, t->root, 0, PXE_WARNING,
				 "SELinux is on, but its file contexts cannot be read: labels not "
				 "checked");
		return;
	}
	if (pxe_tree_list(t, &names, &n, NULL) != 0) {
		out->lost = true; /* a check that did not run is no clean bill */
		selabel_close(h);
		return;
	}
	for (i = 0; i < n; i++) {
		char *want = NULL, *have = NULL;

		snprintf(path, sizeof(path), "%s/pxelinux.cfg/%s", real, names[i]);
		if (selabel_lookup(h, &want, path, S_IFREG) == 0 && lgetfilecon(path, &have) >= 0 &&
		    strcmp(want, have) != 0)
			pxe_findings_add(out, path, 0, PXE_WARNING,
					 "SELinux context %s, policy wants %s: run restorecon",
					 have, want);
		freecon(want);
		freecon(have);
	}
	pxe_tree_free_list(names, n);
	selabel_close(h);
}
