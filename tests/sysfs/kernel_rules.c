// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_rules.c - store() and show() of the s390 kernel's re-IPL attributes (see
 * kernel_rules.h). Each rule names the kernel function it models.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_rules.h"

static void show(struct kr_attr *a, const char *fmt, unsigned long long v)
{
	a->len = (size_t)snprintf((char *)a->value, sizeof(a->value), fmt, v);
}

static void show_text(struct kr_attr *a, const char *text)
{
	a->len = (size_t)snprintf((char *)a->value, sizeof(a->value), "%s\n", text);
}

/* The input as store() sees it: a C string of @len bytes (sysfs adds the NUL). */
static char *as_string(const char *buf, size_t len)
{
	char *s = malloc(len + 1);

	if (s) {
		memcpy(s, buf, len);
		s[len] = '\0';
	}
	return s;
}

/* The kernel's sscanf "%llx" / "%lld": optional blanks, sign, 0x for hex; then anything. */
static int scan_number(const char *s, int base, unsigned long long *v, const char **end)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	if (!isxdigit((unsigned char)*s) && *s != '-' && *s != '+')
		return -EINVAL;
	errno = 0;
	*v = base == 16 ? strtoull(s, &e, 16) : (unsigned long long)strtoll(s, &e, 10);
	if (e == s || errno)
		return -EINVAL;
	if (end)
		*end = e;
	return 0;
}

/* IPL_ATTR_CCW_STORE_FN: "0.%llx.%llx", ssid <= 3, devno <= 0xffff. */
static int store_ccw_device(struct kr_attr *a, const char *s)
{
	unsigned long long ssid, devno;
	const char *p;

	if (strncmp(s, "0.", 2) != 0 || scan_number(s + 2, 16, &ssid, &p) || *p != '.' ||
	    scan_number(p + 1, 16, &devno, NULL))
		return -EINVAL;
	if (ssid > 3 || devno > 0xffff)
		return -EINVAL;
	a->len = (size_t)snprintf((char *)a->value, sizeof(a->value), "0.%llx.%04llx\n", ssid,
				  devno);
	return 0;
}

/* DEFINE_IPL_ATTR_RW(reipl_fcp, device, "0.0.%04llx\n", "0.0.%llx\n"): a u16 devno. */
static int store_fcp_device(struct kr_attr *a, const char *s)
{
	unsigned long long devno;

	if (strncmp(s, "0.0.", 4) != 0 || scan_number(s + 4, 16, &devno, NULL))
		return -EINVAL;
	show(a, "0.0.%04llx\n", devno & 0xffff);
	return 0;
}

/* The text stores ignore one trailing newline ("ignore trailing newline" in ipl.c). */
static size_t without_newline(const char *buf, size_t len)
{
	return len > 0 && buf[len - 1] == '\n' ? len - 1 : len;
}

/* reipl_generic_loadparm_store: <= 8 of [A-Za-z0-9 .], no leading blank; show strim()s. */
static int store_loadparm(struct kr_attr *a, const char *buf, size_t len)
{
	char lp[9];
	size_t n = without_newline(buf, len), i;

	if (n > 8 || (n > 0 && buf[0] == ' '))
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (!isalpha((unsigned char)buf[i]) && !isdigit((unsigned char)buf[i]) &&
		    buf[i] != ' ' && buf[i] != '.')
			return -EINVAL;
	memcpy(lp, buf, n);
	while (n > 0 && lp[n - 1] == ' ')
		n--;
	lp[n] = '\0';
	show_text(a, lp);
	return 0;
}

/* kstrtobool: 1/y/Y/on, 0/n/N/off (first characters). */
static int store_clear(struct kr_attr *a, const char *s)
{
	bool v;

	switch (s[0]) {
	case '1':
	case 'y':
	case 'Y':
		v = true;
		break;
	case '0':
	case 'n':
	case 'N':
		v = false;
		break;
	case 'o':
	case 'O':
		if (s[1] == 'n' || s[1] == 'N')
			v = true;
		else if (s[1] == 'f' || s[1] == 'F')
			v = false;
		else
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	show(a, "%llu\n", v);
	return 0;
}

/*
 * reipl_generic_vmparm_store (at most @max, trailing newline dropped) and its show:
 * ipl_block_get_ascii_vmparm lower-cases a value with no lower-case letter.
 */
static int store_vmparm(struct kr_attr *a, const char *buf, size_t len, size_t max)
{
	char parm[65];
	size_t n = len, i;
	bool lower = false;

	if (n > 0 && buf[n - 1] == '\n')
		n--;
	if (n > max)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if ((unsigned char)buf[i] > 0x7f)
			return -EINVAL;
	memcpy(parm, buf, n);
	parm[n] = '\0';
	for (i = 0; i < n; i++)
		lower |= parm[i] >= 'a' && parm[i] <= 'z';
	for (i = 0; i < n && !lower; i++)
		parm[i] = (char)tolower((unsigned char)parm[i]);
	show_text(a, parm);
	return 0;
}

/* reipl_nss_name_store: <= 8, upper-cased; show prints all 8, blank-padded. */
static int store_nss_name(struct kr_attr *a, const char *buf, size_t len)
{
	char name[9];
	size_t n = without_newline(buf, len), i;

	if (n > 8)
		return -EINVAL;
	memset(name, ' ', 8);
	name[8] = '\0';
	for (i = 0; i < n; i++)
		name[i] = (char)toupper((unsigned char)buf[i]);
	show_text(a, name);
	return 0;
}

/* IPL_ATTR_BR_CHR_STORE_FN: "auto..." or C,H,R (base 0); shown as auto when all zero. */
static int store_br_chr(struct kr_attr *a, const char *s)
{
	unsigned long long v[3];
	char *copy, *p, *tok, *e;
	int i, rc = 0;

	if (strncmp(s, "auto", 4) == 0) {
		show_text(a, "auto");
		return 0;
	}
	copy = strdup(s);
	p = copy;
	for (i = 0; i < 3 && rc == 0; i++) {
		tok = strsep(&p, ", ");
		if (!tok) {
			rc = -EINVAL;
			break;
		}
		/* kstrtoul: the whole token (a trailing newline allowed), base 0. */
		errno = 0;
		v[i] = strtoull(tok, &e, 0);
		if (e == tok || errno || (*e && strcmp(e, "\n") != 0) || tok[0] == '-')
			rc = -EINVAL;
	}
	free(copy);
	if (rc)
		return rc;
	if (((v[0] || v[1]) && !v[2]) || v[0] > UINT32_MAX || v[1] > 255 || v[2] > 255)
		return -EINVAL;
	if (!v[0] && !v[1] && !v[2])
		show_text(a, "auto");
	else
		a->len = (size_t)snprintf((char *)a->value, sizeof(a->value),
					  "0x%llx,0x%llx,0x%llx\n", v[0], v[1], v[2]);
	return 0;
}

/* IPL_ATTR_SCP_DATA_STORE_FN: the bytes as given, NUL-padded to a multiple of 8. */
static int store_scp_data(struct kr_attr *a, const char *buf, size_t len)
{
	size_t padded = (len + 7) / 8 * 8;

	if (padded > 3452 + 8)
		return -EINVAL;
	memset(a->value, 0, padded);
	memcpy(a->value, buf, len);
	a->len = padded;
	return 0;
}

/* reipl_type_store: a prefix of a type the kernel offers. */
static int store_reipl_type(const struct kr_model *m, struct kr_attr *a, const char *s)
{
	static const char *const order[] = { "ccw", "eckd", "fcp", "nvme", "nss" };
	size_t k;
	int i;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		if (strncmp(s, order[k], strlen(order[k])) != 0)
			continue;
		for (i = 0; i < m->ntypes; i++)
			if (strcmp(m->types[i], order[k]) == 0) {
				show_text(a, order[k]);
				return 0;
			}
		return -EINVAL;
	}
	return -EINVAL;
}

int kr_store(const struct kr_model *m, struct kr_attr *a, const char *buf, size_t len)
{
	const char *name = strrchr(a->path, '/');
	char dir[384];
	char *s;
	int rc;

	if (!a->writable)
		return -EACCES;
	if (len == 0)
		return 0;
	name = name ? name + 1 : a->path;
	snprintf(dir, sizeof(dir), "%.*s", (int)(name - a->path), a->path);
	if (strcmp(name, "scp_data") == 0)
		return store_scp_data(a, buf, len);
	s = as_string(buf, len);
	if (!s)
		return -ENOMEM;
	if (strcmp(a->path, "reipl/reipl_type") == 0)
		rc = store_reipl_type(m, a, s);
	else if (strcmp(name, "device") == 0 && strcmp(dir, "reipl/fcp/") == 0)
		rc = store_fcp_device(a, s);
	else if (strcmp(name, "device") == 0)
		rc = store_ccw_device(a, s);
	else if (strcmp(name, "loadparm") == 0)
		rc = store_loadparm(a, buf, len);
	else if (strcmp(name, "clear") == 0)
		rc = store_clear(a, s);
	else if (strcmp(name, "parm") == 0)
		rc = store_vmparm(a, buf, len, strcmp(dir, "reipl/nss/") == 0 ? 56 : 64);
	else if (strcmp(name, "name") == 0)
		rc = store_nss_name(a, buf, len);
	else if (strcmp(name, "br_chr") == 0)
		rc = store_br_chr(a, s);
	else {
		unsigned long long v;
		int hex = strcmp(name, "wwpn") == 0 || strcmp(name, "lun") == 0 ||
			  strcmp(name, "fid") == 0 || strcmp(name, "nsid") == 0;

		/* DEFINE_IPL_ATTR_RW: sscanf "%llx" or "%lld" into the block's field. */
		rc = scan_number(s, hex ? 16 : 10, &v, NULL);
		if (rc == 0) {
			if (strcmp(name, "fid") == 0 || strcmp(name, "nsid") == 0)
				show(a, "0x%08llx\n", v & 0xffffffffull);
			else if (hex)
				show(a, "0x%016llx\n", v);
			else
				show(a, "%lld\n", v);
		}
	}
	free(s);
	return rc;
}

void kr_load(struct kr_attr *a, const char *text, size_t len)
{
	if (len > sizeof(a->value))
		len = sizeof(a->value);
	memcpy(a->value, text, len);
	a->len = len;
}
