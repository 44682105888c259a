// SPDX-License-Identifier: GPL-2.0
/*
 * lint.c - `pxe check`: a TFTP tree read the way the s390x firmware will read it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pxe/entry.h"
#include "pxe/guest.h"
#include "pxe/lint.h"
#include "pxe/tree.h"
#include "reipl/cmdline.h"
#include "reipl/target.h"

void pxe_findings_add(struct pxe_findings *f, const char *subject, int line,
		      enum pxe_severity severity, const char *fmt, ...)
{
	struct pxe_finding *item;
	va_list ap;

	if (f->count == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		struct pxe_finding *grown = realloc(f->items, cap * sizeof(*grown));

		if (!grown) {
			f->lost = true;
			return;
		}
		f->items = grown;
		f->cap = cap;
	}
	item = &f->items[f->count++];
	snprintf(item->subject, sizeof(item->subject), "%s", subject);
	item->line = line;
	item->severity = severity;
	va_start(ap, fmt);
	vsnprintf(item->msg, sizeof(item->msg), fmt, ap);
	va_end(ap);
}

int pxe_findings_complete(const struct pxe_findings *f, struct reipl_error *err)
{
	if (f->lost)
		return reipl_fail(err, -ENOMEM, "out of memory: the findings are incomplete");
	return 0;
}

size_t pxe_findings_errors(const struct pxe_findings *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->count; i++)
		n += f->items[i].severity == PXE_ERROR;
	return n;
}

size_t pxe_findings_warnings(const struct pxe_findings *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->count; i++)
		n += f->items[i].severity == PXE_WARNING;
	return n;
}

void pxe_findings_free(struct pxe_findings *f)
{
	free(f->items);
	memset(f, 0, sizeof(*f));
}

/* Check one TFTP path of an entry (kernel or initrd) below @rootfd. */
/* Check one TFTP path of an entry (kernel or initrd) as the server reaches it. */
static void lint_tftp_file(const struct pxe_tree *t, const char *subject, int line,
			   const char *what, const char *path, struct pxe_findings *out)
{
	struct stat st;
	int fd = pxe_tree_open_file(t, path);

	if (fd == -EXDEV) {
		pxe_findings_add(out, subject, line, PXE_ERROR,
				 "%s '%.80s' leads outside the TFTP root", what, path);
		return;
	}
	if (fd < 0) {
		pxe_findings_add(out, subject, line, PXE_ERROR,
				 fd == -EINVAL || fd == -ENOENT || fd == -ENOTDIR
					 ? "%s '%.80s' does not exist in the TFTP root"
					 : "%s '%.80s' cannot be opened",
				 what, path);
		return;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		pxe_findings_add(out, subject, line, PXE_ERROR, "%s '%.80s' is not a file", what,
				 path);
	else if (!(st.st_mode & S_IROTH))
		pxe_findings_add(out, subject, line, PXE_ERROR,
				 "%s '%.80s' has mode %04o: the TFTP server cannot read it (0644)",
				 what, path, (unsigned)(st.st_mode & 07777));
	close(fd);
}

/*
 * The helper's view of an entry's append line, read with its own parser: a target it
 * would refuse stops the guest at boot, so it is an error now. A payload entry (its initrd
 * is a file in pxelinux.cfg/, as `pxe local` writes it) takes fewer targets.
 */
static void lint_target(const char *subject, const struct pxe_entry *e, struct pxe_findings *out)
{
	struct reipl_cmdline cl;
	struct reipl_target t;
	struct reipl_error why;
	bool payload = e->initrd && strncmp(e->initrd, "pxelinux.cfg/", 13) == 0;

	if (!e->append)
		return;
	if (reipl_cmdline_parse(e->append, &cl, &why)) {
		pxe_findings_add(out, subject, e->line, PXE_ERROR,
				 "entry '%.40s': %s: the helper stops at boot", e->label, why.msg);
		return;
	}
	if (cl.has_chreipl && reipl_target_text_check(cl.chreipl, &t, &why)) {
		pxe_findings_add(
			out, subject, e->line, PXE_ERROR,
			"entry '%.40s': rd.chreipl=\"%.60s\": %s: the helper stops at boot",
			e->label, cl.chreipl, why.msg);
		return;
	}
	if (payload && pxe_entry_payload_target(cl.has_chreipl ? cl.chreipl : NULL, &why))
		pxe_findings_add(out, subject, e->line, PXE_ERROR,
				 "entry '%.40s' boots the payload: %s: it stops at boot", e->label,
				 why.msg);
}

/* True when @gens other than @self produced the same note (so it is said once). */
static bool note_in(const struct pxe_cfg *cfg, const struct pxe_note *n)
{
	int i;

	for (i = 0; i < cfg->nnotes; i++)
		if (cfg->notes[i].line == n->line && cfg->notes[i].severity == n->severity &&
		    strcmp(cfg->notes[i].msg, n->msg) == 0)
			return true;
	return false;
}

/*
 * The notes of every generation, each once: without a prefix when every generation has
 * it, else with the generations that do ("firmware 9.2, 10.1: ...").
 */
static void add_notes(const struct pxe_cfg *cfgs, int ngens, const char *subject,
		      struct pxe_findings *out)
{
	int g, i, k;

	for (g = 0; g < ngens; g++) {
		for (i = 0; i < cfgs[g].nnotes; i++) {
			const struct pxe_note *n = &cfgs[g].notes[i];
			char gens[32] = "";
			bool said = false;
			int have = 0;

			for (k = 0; k < g; k++)
				said |= note_in(&cfgs[k], n);
			if (said)
				continue;
			for (k = g; k < ngens; k++) {
				if (!note_in(&cfgs[k], n))
					continue;
				snprintf(gens + strlen(gens), sizeof(gens) - strlen(gens), "%s%s",
					 have++ ? ", " : "", pxe_fwgen_info(cfgs[k].gen)->name);
			}
			if (have == ngens)
				pxe_findings_add(out, subject, n->line, n->severity, "%s", n->msg);
			else
				pxe_findings_add(out, subject, n->line, n->severity,
						 "firmware %s: %s", gens, n->msg);
		}
	}
}

static void lint_file(const struct pxe_tree *t, const char *name, const enum pxe_fwgen *gens,
		      int ngens, const struct pxe_lint_domain *doms, int ndoms,
		      struct pxe_findings *out)
{
	const struct pxe_lint_domain *dom = NULL;
	enum pxe_fwgen dom_gen;
	struct pxe_cfg *cfgs;
	struct pxe_summary sum;
	char data[PXE_CFG_BUFFER]; /* all the firmware reads */
	char subject[96], why[128];
	struct reipl_error err;
	struct pxe_guest g;
	struct stat st;
	unsigned mode;
	size_t size;
	int i, k, rc;

	snprintf(subject, sizeof(subject), "pxelinux.cfg/%.60s", name);
	if (fstatat(t->cfgfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		pxe_findings_add(out, subject, 0, PXE_WARNING,
				 "a directory: the firmware ignores it");
		return;
	}
	/* A misspelt guest name: the guest it was written for boots some other file. */
	if (pxe_guest_from_file(name, &g, why, sizeof(why)) != 0)
		pxe_findings_add(out, subject, 0,
				 strncmp(why, "the firmware asks for", 21) == 0 ? PXE_ERROR
										: PXE_WARNING,
				 "never fetched: %s", why);
	else
		for (i = 0; i < ndoms && !dom; i++)
			if (pxe_domain_is(doms[i].d, &g))
				dom = &doms[i];
	/* A symlink is served as what it points to, as long as that stays in the root. */
	rc = pxe_tree_read_served(t, name, data, sizeof(data), &size, &mode, &err);
	if (rc == -ENOENT && S_ISLNK(st.st_mode)) {
		pxe_findings_add(out, subject, 0, PXE_WARNING,
				 "a symlink to nothing: the firmware skips it");
		return;
	}
	if (rc) {
		pxe_findings_add(out, subject, 0, PXE_ERROR, "%s", err.msg);
		return;
	}
	if (!(mode & S_IROTH))
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "mode %04o: the TFTP server cannot read it, so the firmware skips "
				 "it (0644)",
				 mode);
	/* A known domain's file: what its own firmware reads, nothing else. */
	if (dom && pxe_domain_fwgen(dom->d, &dom_gen)) {
		gens = &dom_gen;
		ngens = 1;
	}
	cfgs = calloc((size_t)ngens, sizeof(*cfgs));
	if (!cfgs) {
		out->lost = true;
		return;
	}
	for (k = 0; k < ngens; k++)
		pxe_cfg_parse(data, size < sizeof(data) ? size : sizeof(data), size, gens[k],
			      &cfgs[k]);
	pxe_summarize(&cfgs[0], &sum);
	if (sum.role == PXE_ROLE_LOCAL && sum.method == PXE_METHOD_HOST)
		/* (its "no label" is what a guest would see that asked anyway) */
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "local by its domain's definition (--method host): the guest "
				 "boots its disk alone and does not read this file");
	else if (dom && sum.role == PXE_ROLE_LOCAL && sum.method == PXE_METHOD_FALLBACK &&
		 pxe_domain_falls_back(dom->d))
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "local by the firmware's fallback: domain %s's network boot ends "
				 "here, as meant, and its firmware IPLs the disk that follows",
				 dom->name);
	else
		add_notes(cfgs, ngens, subject, out);
	/* The generation that reads the most entries sees every file an entry names. */
	for (k = 0; k < ngens; k++) {
		if (cfgs[k].count < cfgs[0].count)
			continue;
		for (i = 0; i < cfgs[k].count; i++) {
			const struct pxe_entry *e = &cfgs[k].entries[i];

			lint_target(subject, e, out);
			if (e->kernel)
				lint_tftp_file(t, subject, e->line, "kernel", e->kernel, out);
			if (e->initrd)
				lint_tftp_file(t, subject, e->line, "initrd", e->initrd, out);
		}
		break;
	}
	free(cfgs);
}

/*
 * The TFTP server runs as an unprivileged user (dnsmasq, tftp): it must be able to pass
 * through the root and pxelinux.cfg/ (search permission for others; listing is not needed).
 */
static void lint_dirs(const struct pxe_tree *t, struct pxe_findings *out)
{
	struct stat st;

	if (fstat(t->rootfd, &st) == 0 && !(st.st_mode & S_IXOTH))
		pxe_findings_add(out, t->root, 0, PXE_ERROR,
				 "mode %04o: the TFTP server cannot enter the root (0755)",
				 (unsigned)(st.st_mode & 07777));
	if (t->cfgfd >= 0 && fstat(t->cfgfd, &st) == 0 && !(st.st_mode & S_IXOTH))
		pxe_findings_add(out, "pxelinux.cfg", 0, PXE_ERROR,
				 "mode %04o: the TFTP server cannot enter the directory, so the "
				 "firmware finds no file in it (0755)",
				 (unsigned)(st.st_mode & 07777));
}

int pxe_lint(const struct pxe_tree *t, const enum pxe_fwgen *gens, int ngens,
	     struct pxe_findings *out, struct reipl_error *err)
{
	return pxe_lint_domains(t, gens, ngens, NULL, 0, out, err);
}

int pxe_lint_domains(const struct pxe_tree *t, const enum pxe_fwgen *gens, int ngens,
		     const struct pxe_lint_domain *doms, int ndoms, struct pxe_findings *out,
		     struct reipl_error *err)
{
	bool have_default = false;
	char **names;
	size_t n, i;
	int rc;

	lint_dirs(t, out);
	if (t->cfgfd < 0) {
		pxe_findings_add(out, "pxelinux.cfg", 0, PXE_ERROR,
				 "missing: the firmware finds no configuration at all");
		return pxe_findings_complete(out, err);
	}
	if ((rc = pxe_tree_list(t, &names, &n, err)))
		return rc;
	for (i = 0; i < n; i++) {
		have_default |= strcmp(names[i], "default") == 0;
		lint_file(t, names[i], gens, ngens, doms, ndoms, out);
	}
	if (!have_default)
		pxe_findings_add(out, "pxelinux.cfg/default", 0, PXE_WARNING,
				 "missing: guests without a file of their own get no boot entry");
	pxe_tree_free_list(names, n);
	return pxe_findings_complete(out, err);
}

void pxe_lint_secure_ipl(const char *subject, struct pxe_findings *out)
{
	pxe_findings_add(out, subject, 0, PXE_NOTE,
			 "a guest with secure IPL (QEMU 11.2, audit or secure mode) reads none of "
			 "these files: its firmware refuses the network device before any boot");
}
