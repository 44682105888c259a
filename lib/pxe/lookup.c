// SPDX-License-Identifier: GPL-2.0
/*
 * lookup.c - the firmware's search for its pxelinux.cfg file, and what comes of it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pxe/lookup.h"

/* The names the firmware asks for, in its order, into @names; returns how many. */
static int lookup_names(const struct pxe_ident *id, char names[][64], int max)
{
	int n = 0, digits;

	if (id->has_uuid && n < max)
		snprintf(names[n++], 64, "%s", id->uuid);
	if (id->has_mac && n < max)
		snprintf(names[n++], 64, "01-%02x-%02x-%02x-%02x-%02x-%02x", id->mac[0], id->mac[1],
			 id->mac[2], id->mac[3], id->mac[4], id->mac[5]);
	if (id->has_ip) {
		char hex[9];

		snprintf(hex, sizeof(hex), "%08X", (unsigned)id->ip);
		for (digits = 8; digits >= 1 && n < max; digits--)
			snprintf(names[n++], 64, "%.*s", digits, hex);
	}
	if (n < max)
		snprintf(names[n++], 64, "default");
	return n;
}

int pxe_lookup_file(const struct pxe_tree *t, const char *name, enum pxe_fwgen gen,
		    struct pxe_cfg *cfg, enum pxe_once_state *once, struct reipl_error *err)
{
	char data[PXE_CFG_BUFFER];
	size_t size;
	int rc = pxe_tree_read(t, name, data, sizeof(data), &size, err);

	if (rc)
		return rc;
	pxe_cfg_parse(data, size < sizeof(data) ? size : sizeof(data), size, gen, cfg);
	if (once)
		*once = pxe_once_state(data, size < sizeof(data) ? size : sizeof(data));
	return 0;
}

/* One name: absent, skipped (why), or used (parsed into @l->cfg). */
static int try_name(const struct pxe_tree *t, struct pxe_lookup *l, struct pxe_step *s,
		    struct reipl_error *err)
{
	char data[PXE_CFG_BUFFER];
	struct reipl_error why;
	unsigned mode = 0;
	size_t size = 0;
	int rc;

	rc = pxe_tree_read_served(t, s->name, data, sizeof(data), &size, &mode, &why);
	if (rc == -ENOENT || rc == -ENOTDIR) {
		s->state = PXE_STEP_ABSENT;
		return 0;
	}
	if (rc == -EXDEV || rc == -EINVAL || rc == -EACCES || rc == -ELOOP) {
		s->state = PXE_STEP_SKIPPED;
		snprintf(s->why, sizeof(s->why), "%.127s", why.msg);
		return 0;
	}
	if (rc) {
		if (err)
			*err = why;
		return rc;
	}
	if (!(mode & 0004)) {
		s->state = PXE_STEP_SKIPPED;
		snprintf(s->why, sizeof(s->why), "mode %04o: the TFTP server cannot read it", mode);
		return 0;
	}
	pxe_cfg_parse(data, size < sizeof(data) ? size : sizeof(data), size, l->gen, &l->cfg);
	if (l->cfg.skipped) {
		s->state = PXE_STEP_SKIPPED;
		snprintf(s->why, sizeof(s->why), "%s",
			 size ? "over 2047 bytes: the firmware rejects it whole" : "empty");
		return 0;
	}
	s->state = PXE_STEP_USED;
	return 0;
}

int pxe_lookup(const struct pxe_tree *t, const struct pxe_ident *id, enum pxe_fwgen gen,
	       struct pxe_lookup *out, struct reipl_error *err)
{
	char names[PXE_LOOKUP_STEPS][64];
	const struct pxe_entry *e;
	int i, rc, sel;

	memset(out, 0, sizeof(*out));
	out->gen = gen;
	out->used = out->entry = -1;
	snprintf(out->loadparm, sizeof(out->loadparm), "%-8.8s", id->loadparm ? id->loadparm : "");
	out->nsteps = lookup_names(id, names, PXE_LOOKUP_STEPS);
	out->ipl_mode = id->ipl_mode;
	if (id->ipl_mode != PXE_IPL_NORMAL)
		out->outcome = PXE_OUT_SECURE_IPL;
	for (i = 0; i < out->nsteps; i++) {
		struct pxe_step *s = &out->steps[i];

		snprintf(s->name, sizeof(s->name), "%.63s", names[i]);
		if (out->used >= 0 || id->ipl_mode != PXE_IPL_NORMAL) {
			s->state = PXE_STEP_UNTRIED;
			continue;
		}
		if (t->cfgfd < 0) {
			s->state = PXE_STEP_ABSENT;
			continue;
		}
		if ((rc = try_name(t, out, s, err)))
			return rc;
		if (s->state == PXE_STEP_USED)
			out->used = i;
	}
	if (id->ipl_mode != PXE_IPL_NORMAL)
		return 0;
	if (out->used < 0) {
		out->outcome = PXE_OUT_NO_FILE;
		return 0;
	}
	if (out->cfg.count == 0) {
		out->outcome = PXE_OUT_NO_ENTRY;
		return 0;
	}
	out->entry = out->cfg.def;
	if (pxe_fwgen_info(gen)->loadparm_selects) {
		rc = pxe_cfg_select(&out->cfg, id->loadparm, &sel);
		if (rc == -EAGAIN) {
			out->outcome = PXE_OUT_MENU;
			return 0;
		}
		if (rc == -ERANGE) {
			out->entry = -1;
			out->outcome = PXE_OUT_LOADPARM_RANGE;
			return 0;
		}
		out->entry = sel;
	}
	e = &out->cfg.entries[out->entry];
	if (!e->kernel)
		out->outcome = PXE_OUT_NO_KERNEL;
	else if (strlen(e->kernel) > PXE_PATH_MAX ||
		 (e->initrd && strlen(e->initrd) > PXE_PATH_MAX))
		out->outcome = PXE_OUT_LONG_NAME;
	else if (!e->initrd)
		out->outcome = PXE_OUT_NO_INITRD;
	else
		out->outcome = PXE_OUT_BOOTS;
	return 0;
}

const char *pxe_step_state_name(enum pxe_step_state state)
{
	static const char *const names[] = { "absent", "skipped", "used", "not asked" };

	return names[state];
}

void pxe_lookup_result(const struct pxe_lookup *l, char *buf, size_t len)
{
	const char *next = pxe_fwgen_info(l->gen)->fallback
				   ? "the firmware IPLs the next boot device (the disk, when it "
				     "follows the network in the boot order; else the guest stops)"
				   : "the guest stops";
	const char *label = l->entry >= 0 ? l->cfg.entries[l->entry].label : "";

	switch (l->outcome) {
	case PXE_OUT_BOOTS:
		snprintf(buf, len, "boots entry '%.40s'", label);
		break;
	case PXE_OUT_NO_FILE:
		snprintf(buf, len, "no file: the network boot fails and %s", next);
		break;
	case PXE_OUT_NO_ENTRY:
		snprintf(buf, len, "no entry in the file: the network boot fails and %s", next);
		break;
	case PXE_OUT_NO_KERNEL:
		snprintf(buf, len, "entry '%.40s' has no kernel: the network boot fails and %s",
			 label, next);
		break;
	case PXE_OUT_LONG_NAME:
		snprintf(buf, len,
			 "entry '%.40s' names a file over %d bytes: the boot fails or hangs (the "
			 "firmware's TFTP request has no room for it)%s",
			 label, PXE_PATH_MAX,
			 l->gen == PXE_FW_7_2 ? "; a long initrd name may instead start the "
						"kernel with an initrd of zeros"
					      : "");
		break;
	case PXE_OUT_NO_INITRD:
		snprintf(buf, len,
			 "entry '%.40s' has no initrd line: the kernel starts without one, or the "
			 "firmware fetches a garbage name, the network boot fails and %s",
			 label, next);
		break;
	case PXE_OUT_LOADPARM_RANGE:
		snprintf(buf, len,
			 "loadparm [%s] names an entry the file does not have (it has %d): the "
			 "guest stops, with no fallback",
			 l->loadparm, l->cfg.count);
		break;
	case PXE_OUT_MENU:
		snprintf(buf, len,
			 "loadparm PROMPT: the firmware shows its menu and waits for an answer on "
			 "the console");
		break;
	case PXE_OUT_SECURE_IPL:
		snprintf(buf, len,
			 "secure IPL (%s mode, QEMU 11.2): the firmware refuses the network "
			 "device before any boot (\"Virtio net boot device does not support secure "
			 "boot!\") and the guest stops: no pxelinux file is read, no other device "
			 "is tried",
			 pxe_ipl_mode_name(l->ipl_mode));
		break;
	}
}

bool pxe_lookup_same(const struct pxe_lookup *a, const struct pxe_lookup *b)
{
	int i;

	if (a->used != b->used || a->entry != b->entry || a->outcome != b->outcome ||
	    a->cfg.nnotes != b->cfg.nnotes)
		return false;
	for (i = 0; i < a->cfg.nnotes; i++)
		if (a->cfg.notes[i].severity != b->cfg.notes[i].severity ||
		    strcmp(a->cfg.notes[i].msg, b->cfg.notes[i].msg) != 0)
			return false;
	return true;
}
