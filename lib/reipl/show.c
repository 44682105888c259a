// SPDX-License-Identifier: GPL-2.0
/*
 * show.c - lsreipl's output from /sys/firmware/{ipl,reipl}.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "reipl/show.h"
#include "reipl/sysroot.h"
#include "reipl/target.h"

enum style { PLAIN, QUOTED, LOADPARM };

struct field {
	const char *key; /* the --json key: the label's word, stable across types */
	const char *label;
	const char *attr;
	enum style style;
	bool reipl_only;
};

static const struct field ccw_fields[] = {
	{ "device", "Device:", "device", PLAIN, false },
	{ "loadparm", "Loadparm:", "loadparm", LOADPARM, false },
	{ "bootparms", "Bootparms:", "parm", QUOTED, false },
	{ "clear", "clear:", "clear", PLAIN, true },
	{ NULL, NULL, NULL, PLAIN, false },
};

static const struct field fcp_fields[] = {
	{ "wwpn", "WWPN:", "wwpn", PLAIN, false },
	{ "lun", "LUN:", "lun", PLAIN, false },
	{ "device", "Device:", "device", PLAIN, false },
	{ "bootprog", "bootprog:", "bootprog", PLAIN, false },
	{ "br_lba", "br_lba:", "br_lba", PLAIN, false },
	{ "loadparm", "Loadparm:", "loadparm", LOADPARM, false },
	{ "bootparms", "Bootparms:", "scp_data", QUOTED, false },
	{ "clear", "clear:", "clear", PLAIN, true },
	{ NULL, NULL, NULL, PLAIN, false },
};

static const struct field nvme_fields[] = {
	{ "fid", "FID:", "fid", PLAIN, false },
	{ "nsid", "NSID:", "nsid", PLAIN, false },
	{ "bootprog", "bootprog:", "bootprog", PLAIN, false },
	{ "br_lba", "br_lba:", "br_lba", PLAIN, false },
	{ "loadparm", "Loadparm:", "loadparm", LOADPARM, false },
	{ "bootparms", "Bootparms:", "scp_data", QUOTED, false },
	{ "clear", "clear:", "clear", PLAIN, true },
	{ NULL, NULL, NULL, PLAIN, false },
};

static const struct field eckd_fields[] = {
	{ "device", "Device:", "device", PLAIN, false },
	{ "bootprog", "bootprog:", "bootprog", PLAIN, false },
	{ "br_chr", "br_chr:", "br_chr", PLAIN, false },
	{ "bootparms", "Bootparms:", "scp_data", QUOTED, false },
	{ "loadparm", "Loadparm:", "loadparm", LOADPARM, false },
	{ "clear", "clear:", "clear", PLAIN, true },
	{ NULL, NULL, NULL, PLAIN, false },
};

static const struct field nss_fields[] = {
	{ "name", "Name:", "name", PLAIN, false },
	{ "bootparms", "Bootparms:", "parm", QUOTED, false },
	{ NULL, NULL, NULL, PLAIN, false },
};

static const struct field *fields_for(const char *type)
{
	/* The *_dump types show the same fields as their boot type. */
	if (strncmp(type, "ccw", 3) == 0)
		return ccw_fields;
	if (strncmp(type, "fcp", 3) == 0)
		return fcp_fields;
	if (strncmp(type, "nvme", 4) == 0)
		return nvme_fields;
	if (strncmp(type, "eckd", 4) == 0)
		return eckd_fields;
	if (strcmp(type, "nss") == 0)
		return nss_fields;
	return NULL;
}

/* Directory of the attributes: ipl/ holds them directly, reipl/ per type. */
static void attr_path(bool ipl, const char *type, const char *attr, char *buf, size_t len)
{
	if (ipl)
		reipl_pathf(NULL, buf, len, "/sys/firmware/ipl/%s", attr);
	else
		reipl_pathf(NULL, buf, len, "/sys/firmware/reipl/%s/%s", type, attr);
}

/* Binary attributes (scp_data) may end in NULs or the newline chreipl wrote. */
static void trim(char *s, bool blanks)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || (blanks && s[len - 1] == ' ')))
		s[--len] = '\0';
}

static int read_type(const char *root, bool ipl, char *type, size_t len)
{
	int rc = reipl_read_attr(
		root, ipl ? "/sys/firmware/ipl/ipl_type" : "/sys/firmware/reipl/reipl_type", type,
		len);

	return rc < 0 ? rc : 0;
}

int reipl_show_each(const char *root, bool ipl, reipl_show_fn *fn, void *arg,
		    struct reipl_error *err)
{
	char type[32], path[PATH_MAX], value[REIPL_SCPDATA_MAX + 2];
	const struct field *f;
	int rc;

	rc = read_type(root, ipl, type, sizeof(type));
	if (rc)
		return reipl_fail(err, rc, "Could not read the %s type from /sys/firmware/%s (%s)",
				  ipl ? "IPL" : "re-IPL", ipl ? "ipl/ipl_type" : "reipl/reipl_type",
				  strerror(-rc));
	fn(arg, "type", ipl ? "IPL type:" : "Re-IPL type:", type, false);
	for (f = fields_for(type); f && f->label; f++) {
		if (ipl && f->reipl_only)
			continue;
		attr_path(ipl, type, f->attr, path, sizeof(path));
		if (reipl_read_attr(root, path, value, sizeof(value)) < 0)
			continue; /* absent on this kernel or machine: lsreipl skips it too */
		trim(value, f->style == LOADPARM);
		fn(arg, f->key, f->label, value, f->style != PLAIN);
	}
	if (ipl && reipl_read_attr(root, "/sys/firmware/ipl/secure", value, 16) >= 0) {
		trim(value, false);
		fn(arg, "secure_boot", "Secure boot:", value, false);
	}
	return 0;
}

static void print_field(void *arg, const char *key, const char *label, const char *value,
			bool quoted)
{
	(void)key;
	fprintf(arg, quoted ? "%-12s \"%s\"\n" : "%-12s %s\n", label, value);
}

int reipl_show(const char *root, bool ipl, FILE *out, struct reipl_error *err)
{
	return reipl_show_each(root, ipl, print_field, out, err);
}

int reipl_show_short(const char *root, bool ipl, char *buf, size_t len)
{
	static const char *const keys[] = { "device", "wwpn", "lun", "fid", "nsid", "name" };
	char type[32], path[PATH_MAX], value[64];
	size_t used, k;
	int rc;

	rc = read_type(root, ipl, type, sizeof(type));
	if (rc)
		return rc;
	used = (size_t)snprintf(buf, len, "%s", type);
	if (!fields_for(type))
		return 0;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]) && used < len; k++) {
		attr_path(ipl, type, keys[k], path, sizeof(path));
		if (reipl_read_attr(root, path, value, sizeof(value)) <= 0)
			continue;
		used += (size_t)snprintf(buf + used, len - used, " %s", value);
	}
	return 0;
}
