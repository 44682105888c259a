/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lint.h - findings about a TFTP tree, as `pxe check` and `doctor` report them.
 */
#ifndef PXE_LINT_H
#define PXE_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "pxe/fwgen.h"
#include "pxe/pxecfg.h"
#include "reipl/reipl_error.h"

struct pxe_finding {
	char subject[96]; /* "pxelinux.cfg/default", "network default", ... */
	int line;	  /* 0: about the subject as a whole */
	enum pxe_severity severity;
	char msg[360]; /* a note, after "firmware 7.2, 9.2: " */
};

struct pxe_findings {
	struct pxe_finding *items;
	size_t count;
	size_t cap;
	bool lost; /* memory ran out: a finding, or a check, is missing */
};

/* Add a finding; when memory runs out, @f->lost says the list is incomplete. */
void pxe_findings_add(struct pxe_findings *f, const char *subject, int line,
		      enum pxe_severity severity, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* 0, or -ENOMEM with a message when @f->lost: a report that misses something fails. */
int pxe_findings_complete(const struct pxe_findings *f, struct reipl_error *err);

size_t pxe_findings_errors(const struct pxe_findings *f);

size_t pxe_findings_warnings(const struct pxe_findings *f);

void pxe_findings_free(struct pxe_findings *f);

/* What a guest with secure IPL (QEMU 11.2) reads of the tree: nothing, said as a note. */
void pxe_lint_secure_ipl(const char *subject, struct pxe_findings *out);

/*
 * Read every file in pxelinux.cfg/ of tree @t the way each of the @ngens firmware generations
 * @gens will and add what is wrong to @out: names the firmware never fetches, files it
 * cannot read or skips, symlinks that leave the root, entries it misreads (see
 * pxe_cfg_parse; a finding of only some generations names them), kernels and initrds
 * that are missing or not readable by the TFTP server, and a missing default file.
 * Returns 0, or -errno with a message when the tree cannot be read at all.
 */
struct pxe_tree;
int pxe_lint(const struct pxe_tree *t, const enum pxe_fwgen *gens, int ngens, struct pxe_findings *out,
	     struct reipl_error *err);

/*
 * The same, where the guests of some files are known: a file named for one of the
 * @ndomains domains (its UUID or one of its MACs) is read only as that domain's firmware
 * generation reads it, and a fallback entry of a domain whose firmware falls back to its
 * disk is a note, not a warning (its network boot is meant to fail).
 */
struct pxe_domain;
struct pxe_lint_domain {
	const char *name; /* how findings call it */
	const struct pxe_domain *d;
};
int pxe_lint_domains(const struct pxe_tree *t, const enum pxe_fwgen *gens, int ngens,
		     const struct pxe_lint_domain *doms, int ndoms, struct pxe_findings *out,
		     struct reipl_error *err);

#endif
