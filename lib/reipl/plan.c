// SPDX-License-Identifier: GPL-2.0
/*
 * plan.c - chreipl's sysfs writes, planned then applied.
 *
 * The order per type is chreipl's (ipl_tools/cmd_chreipl.c); reipl_type comes last
 * because writing it is what refreshes the kernel's dump OS-info checksum. Values are
 * written the way the kernel reads them (NSID in hex: chreipl writes it in decimal,
 * which the kernel misreads), and read back the way its show() prints them.
 *
 * sysfs never passes a zero-length write to the kernel: the old value stays. So a reset
 * writes "\n", as chreipl does: the text attributes strip it, and a binary scp_data of
 * "\n" is an empty command line to the next kernel.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "reipl/plan.h"
#include "reipl/sysroot.h"

struct builder {
	const char *root;
	const char *dir; /* "reipl/ccw" */
	struct reipl_plan *plan;
	struct reipl_error *err;
};

static bool attr_exists(const struct builder *b, const char *name)
{
	char path[PATH_MAX];

	reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s/%s", b->dir, name);
	return reipl_exists(b->root, path);
}

static int add(struct builder *b, const char *name, const char *value, bool newline, bool optional,
	       enum reipl_readback readback)
{
	struct reipl_write *w;
	size_t len = strlen(value);

	/* The longest plan (fcp) has 9 writes; more would be a bug in this file. */
	if (b->plan->count == REIPL_PLAN_MAX || len + 2 > sizeof(w->value))
		return reipl_fail(b->err, -E2BIG, "internal error: re-IPL plan too large");
	w = &b->plan->writes[b->plan->count++];

	snprintf(w->attr, sizeof(w->attr), "%s/%s", b->dir, name);
	memcpy(w->value, value, len);
	if (newline)
		w->value[len++] = '\n';
	w->value[len] = '\0';
	w->len = len;
	w->optional = optional;
	w->readback = readback;
	return 0;
}

/* A setting the target needs: its attribute must exist. */
static int need(struct builder *b, const char *name, const char *what, const char *value,
		enum reipl_readback readback)
{
	if (!attr_exists(b, name))
		return reipl_fail(b->err, -EOPNOTSUPP, "System does not allow one to set %s", what);
	return add(b, name, value, true, false, readback);
}

/*
 * chreipl's "optional" settings (loadparm, boot parameters): when given, the attribute
 * must exist; when not, an existing one is reset to empty and a failure is ignored.
 * The binary scp_data takes the value as it is, without newline, but never nothing.
 */
static int optional(struct builder *b, const char *name, const char *what, bool given,
		    const char *value, bool newline, enum reipl_readback readback)
{
	if (given) {
		if (!attr_exists(b, name))
			return reipl_fail(b->err, -EOPNOTSUPP,
					  "System does not allow one to set %s", what);
		return add(b, name, value, newline || !*value, false, readback);
	}
	if (!attr_exists(b, name))
		return 0;
	return add(b, name, "", true, true, REIPL_READBACK_NONE);
}

static int clear(struct builder *b, const struct reipl_target *t)
{
	if (t->clear >= 0)
		return need(b, "clear", "the clear attribute", t->clear ? "1" : "0",
			    REIPL_READBACK_EXACT);
	if (attr_exists(b, "clear"))
		return add(b, "clear", "1", true, false, REIPL_READBACK_EXACT);
	return 0;
}

static int build_ccw(struct builder *b, const struct reipl_target *t, const char *busid)
{
	int rc;

	if ((rc = clear(b, t)) ||
	    (rc = optional(b, "loadparm", "loadparm", t->opts & REIPL_OPT_LOADPARM, t->loadparm,
			   true, REIPL_READBACK_BLANKS)) ||
	    (rc = optional(b, "parm", "boot parameters", t->opts & REIPL_OPT_BOOTPARMS,
			   t->bootparms, true, REIPL_READBACK_VMPARM)))
		return rc;
	return need(b, "device", "device", busid, REIPL_READBACK_EXACT);
}

static int build_eckd(struct builder *b, const struct reipl_target *t, const char *busid,
		      const char *bootprog)
{
	int rc;

	if ((rc = clear(b, t)) ||
	    (rc = need(b, "br_chr", "boot record location",
		       (t->opts & REIPL_OPT_BRCHR) ? t->brchr : "auto", REIPL_READBACK_EXACT)) ||
	    (rc = need(b, "bootprog", "bootprog", bootprog, REIPL_READBACK_EXACT)) ||
	    (rc = need(b, "device", "device", busid, REIPL_READBACK_EXACT)) ||
	    (rc = optional(b, "loadparm", "loadparm", t->opts & REIPL_OPT_LOADPARM, t->loadparm,
			   true, REIPL_READBACK_BLANKS)))
		return rc;
	return optional(b, "scp_data", "boot parameters", t->opts & REIPL_OPT_BOOTPARMS,
			t->bootparms, false, REIPL_READBACK_SCPDATA);
}

static int build_scsi(struct builder *b, const struct reipl_target *t, const char *busid,
		      const char *bootprog)
{
	char num[24];
	int rc;

	if ((rc = clear(b, t)) ||
	    (rc = optional(b, "loadparm", "loadparm", t->opts & REIPL_OPT_LOADPARM, t->loadparm,
			   true, REIPL_READBACK_BLANKS)) ||
	    (rc = optional(b, "scp_data", "boot parameters", t->opts & REIPL_OPT_BOOTPARMS,
			   t->bootparms, false, REIPL_READBACK_SCPDATA)))
		return rc;
	if (t->type == REIPL_TYPE_FCP) {
		if ((rc = need(b, "device", "device", busid, REIPL_READBACK_EXACT)))
			return rc;
		snprintf(num, sizeof(num), "0x%016llx", (unsigned long long)t->wwpn);
		if ((rc = need(b, "wwpn", "WWPN", num, REIPL_READBACK_EXACT)))
			return rc;
		snprintf(num, sizeof(num), "0x%016llx", (unsigned long long)t->lun);
		if ((rc = need(b, "lun", "LUN", num, REIPL_READBACK_EXACT)))
			return rc;
	} else {
		snprintf(num, sizeof(num), "0x%08x", t->fid);
		if ((rc = need(b, "fid", "FID", num, REIPL_READBACK_EXACT)))
			return rc;
		snprintf(num, sizeof(num), "0x%08x", t->nsid);
		if ((rc = need(b, "nsid", "NSID", num, REIPL_READBACK_EXACT)))
			return rc;
	}
	/* chreipl has no option for the boot record LBA and always writes 0. */
	if ((rc = need(b, "br_lba", "br_lba", "0", REIPL_READBACK_EXACT)))
		return rc;
	return need(b, "bootprog", "bootprog", bootprog, REIPL_READBACK_EXACT);
}

static int build_nss(struct builder *b, const struct reipl_target *t)
{
	int rc = optional(b, "parm", "boot parameters", t->opts & REIPL_OPT_BOOTPARMS, t->bootparms,
			  true, REIPL_READBACK_VMPARM);

	if (rc)
		return rc;
	return need(b, "name", "NSS name", t->name, REIPL_READBACK_NSSNAME);
}

int reipl_plan_build(const char *root, const struct reipl_target *t, struct reipl_plan *plan,
		     struct reipl_error *err)
{
	const char *type = reipl_type_name(t->type);
	char dir[32], path[PATH_MAX], busid[REIPL_BUSID_LEN], bootprog[16];
	struct builder b = { root, dir, plan, err };
	int rc;

	memset(plan, 0, sizeof(*plan));
	plan->type = t->type;
	if (!reipl_exists(root, "/sys/firmware/reipl/reipl_type"))
		return reipl_fail(err, -EOPNOTSUPP,
				  "The kernel offers no re-IPL settings (no "
				  "/sys/firmware/reipl/reipl_type)");
	snprintf(dir, sizeof(dir), "reipl/%s", type);
	reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", dir);
	if (!reipl_exists(root, path))
		return reipl_fail(err, -EOPNOTSUPP,
				  "The running kernel does not offer re-IPL type \"%s\" (no "
				  "/sys/firmware/%s)",
				  type, dir);
	reipl_busid_format(&t->device, busid);
	snprintf(bootprog, sizeof(bootprog), "%u", t->bootprog);

	switch (t->type) {
	case REIPL_TYPE_CCW:
		rc = build_ccw(&b, t, busid);
		break;
	case REIPL_TYPE_ECKD:
		rc = build_eckd(&b, t, busid, bootprog);
		break;
	case REIPL_TYPE_FCP:
	case REIPL_TYPE_NVME:
		rc = build_scsi(&b, t, busid, bootprog);
		break;
	case REIPL_TYPE_NSS:
		rc = build_nss(&b, t);
		break;
	default:
		return reipl_fail(err, -EINVAL, "Target \"%s\" is not resolved", type);
	}
	if (rc)
		return rc;
	b.dir = "reipl";
	return add(&b, "reipl_type", type, true, false, REIPL_READBACK_EXACT);
}

static bool has_lower(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return true;
	return false;
}

/* Compare what the kernel shows (@got, its newline gone) with what was written (@want). */
bool reipl_readback_same(const char *got, const char *want, size_t want_len,
			 enum reipl_readback how)
{
	size_t got_len = strlen(got); /* scp_data: the NUL padding ends here */

	if (want_len > 0 && want[want_len - 1] == '\n')
		want_len--;
	switch (how) {
	case REIPL_READBACK_BLANKS:
		while (want_len > 0 && want[want_len - 1] == ' ')
			want_len--;
		break;
	case REIPL_READBACK_NSSNAME:
		while (got_len > 0 && got[got_len - 1] == ' ')
			got_len--;
		break;
	case REIPL_READBACK_SCPDATA:
		/* Written "\n" stands for empty; a newline before the padding stays in. */
		if (got_len > 0 && got[got_len - 1] == '\n')
			got_len--;
		break;
	default:
		break;
	}
	if (got_len != want_len)
		return false;
	if (how == REIPL_READBACK_NSSNAME ||
	    (how == REIPL_READBACK_VMPARM && !has_lower(want, want_len)))
		return strncasecmp(got, want, want_len) == 0;
	return memcmp(got, want, want_len) == 0;
}

/* What an attribute showed before the writes, to put back when a later one fails. */
struct saved {
	char text[REIPL_SCPDATA_MAX + 2];
	int len; /* < 0: it could not be read, so it cannot be put back */
};

/*
 * Put back attributes 0..@upto-1 of @plan as @old had them, last first. Returns 0, or the
 * index of the first that could not be put back, + 1 (its error in *@rc).
 */
static int put_back(const char *root, const struct reipl_plan *plan, const struct saved *old,
		    int upto, int *rc)
{
	char path[PATH_MAX], value[REIPL_SCPDATA_MAX + 3];
	int i;

	for (i = upto - 1; i >= 0; i--) {
		size_t len;

		if (old[i].len < 0) {
			*rc = -EIO;
			return i + 1;
		}
		/* The shown text, and the newline a text store wants; "" as "\n" (sysfs). */
		len = strlen(old[i].text);
		memcpy(value, old[i].text, len);
		value[len++] = '\n';
		reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", plan->writes[i].attr);
		*rc = reipl_write_attr(root, path, value, len);
		if (*rc && !plan->writes[i].optional)
			return i + 1;
	}
	return 0;
}

int reipl_plan_apply(const char *root, const struct reipl_plan *plan, struct reipl_error *err)
{
	char path[PATH_MAX], got[REIPL_SCPDATA_MAX + 2];
	struct saved *old;
	int i, rc;

	/* Every attribute is a file that takes a write without blocking, before the first. */
	for (i = 0; i < plan->count; i++) {
		struct stat st;
		char full[PATH_MAX];

		reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", plan->writes[i].attr);
		if (reipl_path(root, path, full, sizeof(full)) == 0 && stat(full, &st) == 0 &&
		    (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISDIR(st.st_mode)))
			return reipl_fail(err, -EINVAL,
					  "\"%s\" is not an attribute file: nothing was written",
					  plan->writes[i].attr);
	}
	old = malloc(sizeof(*old) * (size_t)(plan->count ? plan->count : 1));
	if (!old)
		return reipl_fail(err, -ENOMEM, "out of memory");
	for (i = 0; i < plan->count; i++) {
		reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", plan->writes[i].attr);
		old[i].len = reipl_read_attr(root, path, old[i].text, sizeof(old[i].text));
	}
	for (i = 0; i < plan->count; i++) {
		const struct reipl_write *w = &plan->writes[i];
		int bad, why;

		reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", w->attr);
		rc = reipl_write_attr(root, path, w->value, w->len);
		if (!rc || w->optional)
			continue;
		/* Nothing half-set: what was written before this one is put back. */
		bad = put_back(root, plan, old, i, &why);
		if (bad == 0)
			reipl_fail(err, rc,
				   "Could not set \"%s\" (%s); put back the %d setting%s "
				   "written before it",
				   w->attr, strerror(-rc), i, i == 1 ? "" : "s");
		else
			reipl_fail(err, rc,
				   "Could not set \"%s\" (%s), nor put back \"%s\" (%s): it "
				   "and the settings before it hold the new values",
				   w->attr, strerror(-rc), plan->writes[bad - 1].attr,
				   strerror(-why));
		free(old);
		return rc;
	}
	free(old);
	for (i = 0; i < plan->count; i++) {
		const struct reipl_write *w = &plan->writes[i];
		size_t want_len = w->len;

		if (w->readback == REIPL_READBACK_NONE)
			continue;
		reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/%s", w->attr);
		rc = reipl_read_attr(root, path, got, sizeof(got));
		if (rc < 0)
			return reipl_fail(err, rc, "Could not read back \"%s\" (%s)", w->attr,
					  strerror(-rc));
		if (!reipl_readback_same(got, w->value, want_len, w->readback)) {
			if (want_len > 0 && w->value[want_len - 1] == '\n')
				want_len--;
			return reipl_fail(err, -EIO, "\"%s\" reads back as \"%.40s\", not \"%.*s\"",
					  w->attr, got, (int)(want_len > 40 ? 40 : want_len),
					  w->value);
		}
	}
	return 0;
}
