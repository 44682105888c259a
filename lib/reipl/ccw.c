// SPDX-License-Identifier: GPL-2.0
/*
 * ccw.c - CCW device discovery under /sys/bus/ccw/devices.
 *
 * Devices are told apart by cutype/devtype, which the common I/O layer fills from
 * SENSE ID whether or not a driver is bound: the reboot initrd loads no modules, so a
 * DASD has no driver there, and chreipl's driver-based checks would not see it.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reipl/ccw.h"
#include "reipl/hex.h"
#include "reipl/sysroot.h"

/* Parse "%04x/%02x" as sysfs shows cutype and devtype. */
static int parse_type(const char *s, uint16_t *type, uint8_t *model)
{
	char buf[8];
	uint64_t t, m;

	if (strlen(s) != 7 || s[4] != '/')
		return -EINVAL;
	memcpy(buf, s, 4);
	buf[4] = '\0';
	if (reipl_parse_hex(buf, 0xffff, &t) || reipl_parse_hex(s + 5, 0xff, &m))
		return -EINVAL;
	*type = (uint16_t)t;
	*model = (uint8_t)m;
	return 0;
}

int reipl_ccw_get(const char *root, const struct reipl_busid *id, struct reipl_ccwdev *dev)
{
	char busid[REIPL_BUSID_LEN], path[PATH_MAX], buf[64], link[PATH_MAX];
	struct reipl_ccw_ident ident = { 0, 0, 0, 0 };
	bool has_devtype = false;
	ssize_t n;
	int rc;

	memset(dev, 0, sizeof(*dev));
	reipl_busid_format(id, busid);
	reipl_pathf(root, path, sizeof(path), "/sys/bus/ccw/devices/%s", busid);
	if (access(path, F_OK) != 0)
		return -ENOENT;

	reipl_pathf(NULL, path, sizeof(path), "/sys/bus/ccw/devices/%s/cutype", busid);
	rc = reipl_read_attr(root, path, buf, sizeof(buf));
	if (rc < 0)
		return rc;
	if (parse_type(buf, &ident.cu_type, &ident.cu_model))
		return -EINVAL;
	reipl_pathf(NULL, path, sizeof(path), "/sys/bus/ccw/devices/%s/devtype", busid);
	if (reipl_read_attr(root, path, buf, sizeof(buf)) >= 0 &&
	    parse_type(buf, &ident.dev_type, &ident.dev_model) == 0)
		has_devtype = true;
	reipl_ccwdev_init(dev, id, &ident);
	dev->has_devtype = has_devtype;

	reipl_pathf(NULL, path, sizeof(path), "/sys/bus/ccw/devices/%s/online", busid);
	if (reipl_read_attr(root, path, buf, sizeof(buf)) >= 0 && (buf[0] == '0' || buf[0] == '1'))
		dev->online = buf[0] - '0';

	reipl_pathf(root, path, sizeof(path), "/sys/bus/ccw/devices/%s/driver", busid);
	n = readlink(path, link, sizeof(link) - 1);
	if (n > 0) {
		const char *base;

		link[n] = '\0';
		base = strrchr(link, '/');
		base = base ? base + 1 : link;
		snprintf(dev->driver, sizeof(dev->driver), "%.*s", (int)sizeof(dev->driver) - 1,
			 base);
	}
	return 0;
}

static int compare_devs(const void *a, const void *b)
{
	const struct reipl_ccwdev *x = a, *y = b;

	return reipl_busid_cmp(&x->id, &y->id);
}

int reipl_ccw_scan(const char *root, struct reipl_ccwdev **devs, size_t *count,
		   struct reipl_error *err)
{
	char path[PATH_MAX];
	struct reipl_ccwdev *list = NULL, *grown;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *dir;
	int rc = 0;

	if ((rc = reipl_path(root, "/sys/bus/ccw/devices", path, sizeof(path))))
		return reipl_fail(err, rc, "Cannot list CCW devices: the root %s is too long",
				  root);
	dir = opendir(path);
	if (!dir)
		return reipl_fail(err, -errno, "Cannot list CCW devices in %s: %s", path,
				  strerror(errno));
	while ((de = readdir(dir))) {
		struct reipl_busid id;

		/* Only the kernel's own normalised names count. */
		if (reipl_busid_parse(de->d_name, &id) || !strchr(de->d_name, '.'))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown) {
				rc = reipl_fail(err, -ENOMEM, "Out of memory");
				break;
			}
			list = grown;
		}
		rc = reipl_ccw_get(root, &id, &list[n]);
		if (rc == -ENOENT) {
			rc = 0; /* vanished while we looked */
			continue;
		}
		if (rc) {
			rc = reipl_fail(err, rc, "Cannot read CCW device %s: %s", de->d_name,
					strerror(-rc));
			break;
		}
		n++;
	}
	closedir(dir);
	if (rc) {
		free(list);
		return rc;
	}
	if (n > 1)
		qsort(list, n, sizeof(*list), compare_devs);
	*devs = list;
	*count = n;
	return 0;
}

int reipl_ipl_device(const char *root, struct reipl_busid *id)
{
	char buf[64];

	if (reipl_read_attr(root, "/sys/firmware/ipl/ipl_type", buf, sizeof(buf)) < 0)
		return -ENOENT;
	if (strcmp(buf, "ccw") != 0 && strcmp(buf, "eckd") != 0)
		return -ENOENT;
	if (reipl_read_attr(root, "/sys/firmware/ipl/device", buf, sizeof(buf)) < 0 ||
	    reipl_busid_parse(buf, id))
		return -ENOENT;
	return 0;
}

const char *const reipl_ccw_columns[REIPL_CCW_NCOLS] = {
	"DEVICE", "KIND", "CUTYPE", "DEVTYPE", "ONLINE", "DRIVER", "NOTE",
};

void reipl_ccw_cells(const struct reipl_ccwdev *d, const struct reipl_busid *ipl,
		     struct reipl_ccw_row *row)
{
	const char *note = "";

	snprintf(row->cell[0], sizeof(row->cell[0]), "%s", d->busid);
	snprintf(row->cell[1], sizeof(row->cell[1]), "%s", d->kind);
	snprintf(row->cell[2], sizeof(row->cell[2]), "%04x/%02x", d->ident.cu_type,
		 d->ident.cu_model);
	if (d->has_devtype)
		snprintf(row->cell[3], sizeof(row->cell[3]), "%04x/%02x", d->ident.dev_type,
			 d->ident.dev_model);
	else
		snprintf(row->cell[3], sizeof(row->cell[3]), "n/a");
	snprintf(row->cell[4], sizeof(row->cell[4]), "%s",
		 d->online < 0 ? "?"
		 : d->online   ? "yes"
			       : "no");
	snprintf(row->cell[5], sizeof(row->cell[5]), "%s", d->driver[0] ? d->driver : "-");
	if (ipl && reipl_busid_equal(ipl, &d->id))
		note = d->disk ? "disk, IPL device" : "IPL device";
	else if (d->disk)
		note = "disk";
	snprintf(row->cell[6], sizeof(row->cell[6]), "%s", note);
}

void reipl_ccw_print(FILE *out, const struct reipl_ccwdev *devs, size_t count,
		     const struct reipl_busid *ipl)
{
	static const int width[REIPL_CCW_NCOLS] = { 10, 15, 8, 8, 7, 11, 0 };
	struct reipl_ccw_row row;
	size_t i;
	int c;

	for (i = 0; i <= count; i++) {
		char line[160];
		size_t len = 0;

		if (i > 0)
			reipl_ccw_cells(&devs[i - 1], ipl, &row);
		for (c = 0; c < REIPL_CCW_NCOLS && len < sizeof(line); c++)
			len += (size_t)snprintf(line + len, sizeof(line) - len, "%-*s%s", width[c],
						i ? row.cell[c] : reipl_ccw_columns[c],
						c + 1 < REIPL_CCW_NCOLS ? " " : "");
		/* The header line and a row without a note end in blanks: cut them. */
		len = strlen(line);
		while (len > 0 && line[len - 1] == ' ')
			line[--len] = '\0';
		fprintf(out, "%s\n", line);
	}
}
