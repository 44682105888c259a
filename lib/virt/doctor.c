// SPDX-License-Identifier: GPL-2.0
/*
 * doctor.c - `reboot-s390x doctor`: the TFTP tree, the helper's files and the libvirt
 * network, each checked for what makes s390x guests fail to boot or boot slowly.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "initrd/elfcheck.h"
#include "initrd/unpack.h"
#include "pxe/labels.h"
#include "virt/doctor.h"
#include "virt/network.h"
#include "pxe/entry.h"
#include "pxe/helpers.h"
#include "pxe/lookup.h"
#include "pxe/tree.h"
#include "reipl/signature.h"

#define INIT_MAX (64u << 20)

/* The TFTP files that boot the helper: from local entries, else the usual names. */
struct helper_files {
	char kernels[16][PXE_PATH_MAX + 1];
	char initrds[16][PXE_PATH_MAX + 1];
	char payloads[16][PXE_PATH_MAX + 1];
	int nkernels, ninitrds, npayloads;
};

#define PAYLOAD_MAX (1u << 20)

/*
 * Read a whole (small) file: one an entry names, inside the root only, when @t is given;
 * else our own reference at @path. Never blocks. NULL when it cannot.
 */
static unsigned char *read_small(const struct pxe_tree *t, const char *path, size_t max,
				 size_t *len)
{
	unsigned char *data;
	struct stat st;
	ssize_t n;
	int fd = t ? pxe_tree_open_file(t, path) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > max ||
	    !(data = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return NULL;
	}
	n = pread(fd, data, (size_t)st.st_size, 0);
	close(fd);
	if (n != st.st_size) {
		free(data);
		return NULL;
	}
	*len = (size_t)n;
	return data;
}

/* Is the file at @path in the root our re-IPL payload? */
static bool is_payload(const struct pxe_tree *t, const char *path)
{
	size_t len;
	unsigned char *data = read_small(t, path, PAYLOAD_MAX, &len);
	bool yes = data && pxe_is_payload(data, len);

	free(data);
	return yes;
}

static void add_unique(char list[][PXE_PATH_MAX + 1], int *n, const char *path)
{
	int i;

	while (*path == '/')
		path++;
	for (i = 0; i < *n; i++)
		if (strcmp(list[i], path) == 0)
			return;
	if (*n < 16)
		snprintf(list[(*n)++], PXE_PATH_MAX + 1, "%s", path);
}

static void collect_helper_files(const struct pxe_tree *t, struct helper_files *h,
				 struct pxe_findings *out)
{
	struct pxe_cfg *cfg = malloc(sizeof(*cfg));
	struct pxe_summary s;
	char **names;
	size_t n, i;

	memset(h, 0, sizeof(*h));
	if (!cfg)
		out->lost = true;
	else if (pxe_tree_list(t, &names, &n, NULL) == 0) {
		for (i = 0; i < n; i++) {
			const struct pxe_entry *e;

			/* (a file that cannot be read is pxe_lint's finding) */
			if (pxe_lookup_file(t, names[i], PXE_FW_7_2, cfg, NULL, NULL))
				continue;
			pxe_summarize(cfg, &s);
			e = pxe_cfg_default(cfg);
			if (s.role != PXE_ROLE_LOCAL || !e)
				continue;
			if (is_payload(t, e->kernel)) {
				/* Its initrd is only there for the firmware: nothing to check. */
				add_unique(h->payloads, &h->npayloads, e->kernel);
				continue;
			}
			add_unique(h->kernels, &h->nkernels, e->kernel);
			add_unique(h->initrds, &h->ninitrds, e->initrd);
		}
		pxe_tree_free_list(names, n);
	}
	free(cfg);
	if (h->nkernels == 0 && h->npayloads == 0) {
		if (faccessat(t->rootfd, PXE_SEED_KERNEL, F_OK, 0) == 0)
			add_unique(h->kernels, &h->nkernels, PXE_SEED_KERNEL);
		if (faccessat(t->rootfd, PXE_FOREMAN_KERNEL, F_OK, 0) == 0)
			add_unique(h->kernels, &h->nkernels, PXE_FOREMAN_KERNEL);
	}
	if (h->ninitrds == 0 && h->npayloads == 0) {
		if (faccessat(t->rootfd, PXE_SEED_INITRD, F_OK, 0) == 0)
			add_unique(h->initrds, &h->ninitrds, PXE_SEED_INITRD);
		if (faccessat(t->rootfd, PXE_FOREMAN_INITRD, F_OK, 0) == 0)
			add_unique(h->initrds, &h->ninitrds, PXE_FOREMAN_INITRD);
	}
}

static void check_kernel(const struct pxe_tree *t, const char *path, struct pxe_findings *out)
{
	char magic[6];
	int fd = pxe_tree_open_file(t, path);

	if (fd < 0)
		return; /* reported by the linter */
	if (pread(fd, magic, sizeof(magic), 0x10008) != (ssize_t)sizeof(magic) ||
	    memcmp(magic, "S390EP", 6) != 0)
		pxe_findings_add(out, path, 0, PXE_ERROR,
				 "does not look like an s390x kernel (no S390EP at 0x10008)");
	close(fd);
}

static void check_initrd(const struct pxe_tree *t, const char *path, const char *reference,
			 struct pxe_findings *out)
{
	static const char version[] = REIPL_INIT_SIGNATURE VERSION;
	unsigned char *init = NULL, *ref = NULL;
	size_t len = 0, ref_len = 0;
	int fd = pxe_tree_open_file(t, path), rc;
	char head[sizeof(PXE_PLACEHOLDER_INITRD)];

	if (fd < 0)
		return; /* reported by the linter */
	/* `pxe setup` puts this beside the payload, for entries that name an initrd. */
	if (pread(fd, head, sizeof(head), 0) == (ssize_t)sizeof(head) - 1 &&
	    memcmp(head, PXE_PLACEHOLDER_INITRD, sizeof(head) - 1) == 0) {
		close(fd);
		return;
	}
	rc = initrd_read_init(fd, INIT_MAX, &init, &len);
	close(fd);
	if (rc) {
		if (rc == -ENOMEM)
			out->lost = true; /* the check did not run: no verdict either way */
		else
			pxe_findings_add(out, path, 0, PXE_ERROR,
					 rc == -ENOENT ? "has no /init: not a reboot initrd"
						       : "cannot be read as a cpio initrd");
		goto out;
	}
	if (initrd_elf_check_static_s390x(init, len, NULL) != 0 ||
	    !memmem(init, len, REIPL_INIT_SIGNATURE, strlen(REIPL_INIT_SIGNATURE))) {
		pxe_findings_add(out, path, 0, PXE_WARNING,
				 "its /init is not reboot-s390x-init (a dracut or seed image?)");
		goto out;
	}
	if (!memmem(init, len, version, sizeof(version) - 1))
		pxe_findings_add(
			out, path, 0, PXE_WARNING,
			"its /init is another version of reboot-s390x-init; rebuild it with "
			"'reboot-s390x mkinitrd'");
	else if (reference && (ref = read_small(NULL, reference, INIT_MAX, &ref_len)) &&
		 (ref_len != len || memcmp(ref, init, len) != 0))
		pxe_findings_add(
			out, path, 0, PXE_WARNING,
			"its /init differs from %s; rebuild it with 'reboot-s390x mkinitrd'",
			reference);
out:
	free(init);
	free(ref);
}

static void check_payload(const struct pxe_tree *t, const char *path, const char *reference,
			  struct pxe_findings *out)
{
	size_t len, ref_len;
	unsigned char *data = read_small(t, path, PAYLOAD_MAX, &len);
	unsigned char *ref = reference ? read_small(NULL, reference, PAYLOAD_MAX, &ref_len) : NULL;

	if (data && !memmem(data, len, REIPL_PAYLOAD_SIGNATURE VERSION,
			    strlen(REIPL_PAYLOAD_SIGNATURE VERSION)))
		pxe_findings_add(out, path, 0, PXE_WARNING,
				 "another version of the re-IPL payload; copy %s over it",
				 reference ? reference : "the installed one");
	else if (data && ref && (ref_len != len || memcmp(ref, data, len) != 0))
		pxe_findings_add(out, path, 0, PXE_WARNING,
				 "differs from %s; copy that one over it", reference);
	free(data);
	free(ref);
}

int pxe_doctor(const struct pxe_tree *t, const struct pxe_doctor_input *in,
	       struct pxe_findings *out, struct reipl_error *err)
{
	static const enum pxe_fwgen all[] = { PXE_FW_7_2, PXE_FW_9_2, PXE_FW_10_1 };
	struct helper_files h = { 0 };
	int rc, i;

	rc = pxe_lint_domains(t, all, PXE_FWGEN_COUNT, in->domains, in->ndomains, out, err);
	if (rc)
		return rc;
	collect_helper_files(t, &h, out);
	for (i = 0; i < h.npayloads; i++) {
		check_kernel(t, h.payloads[i], out);
		check_payload(t, h.payloads[i], in->reference_payload, out);
	}
	if (h.nkernels == 0 && h.npayloads == 0)
		pxe_findings_add(out, t->root, 0, PXE_WARNING,
				 "no reboot kernel: copy an s390x kernel to %s/%s", t->root,
				 PXE_SEED_KERNEL);
	for (i = 0; i < h.nkernels; i++)
		check_kernel(t, h.kernels[i], out);
	if (h.ninitrds == 0 && h.npayloads == 0)
		pxe_findings_add(out, t->root, 0, PXE_WARNING,
				 "no reboot initrd: run 'reboot-s390x mkinitrd -o %s/%s'", t->root,
				 PXE_SEED_INITRD);
	for (i = 0; i < h.ninitrds; i++)
		check_initrd(t, h.initrds[i], in->reference_init, out);
	pxe_labels_check(t, out);
	if (in->network_xml)
		pxe_doctor_network(t->root, in->network_xml, in->network_name, out);
	return pxe_findings_complete(out, err);
}
