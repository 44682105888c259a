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

#include "ccw.h"
#include "hex.h"
#include "sysroot.h"

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

	reipl_path(root, "/sys/bus/ccw/devices", path, sizeof(path));
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

void reipl_ccw_print(FILE *out, const struct reipl_ccwdev *devs, size_t count,
		     const struct reipl_busid *ipl)
{
	size_t i;

	fprintf(out, "%-10s %-15s %-8s %-8s %-7s %-11s %s\n", "DEVICE", "KIND", "CUTYPE", "DEVTYPE",
		"ONLINE", "DRIVER", "NOTE");
	for (i = 0; i < count; i++) {
		const struct reipl_ccwdev *d = &devs[i];
		char cu[8], dt[8], line[128];
		const char *note = "";
		size_t len;

		snprintf(cu, sizeof(cu), "%04x/%02x", d->ident.cu_type, d->ident.cu_model);
		if (d->has_devtype)
			snprintf(dt, sizeof(dt), "%04x/%02x", d->ident.dev_type,
				 d->ident.dev_model);
		else
			strcpy(dt, "n/a");
		if (ipl && reipl_busid_equal(ipl, &d->id))
			note = d->disk ? "disk, IPL device" : "IPL device";
		else if (d->disk)
			note = "disk";
		snprintf(line, sizeof(line), "%-10s %-15s %-8s %-8s %-7s %-11s %s", d->busid,
			 d->kind, cu, dt,
			 d->online < 0 ? "?"
			 : d->online   ? "yes"
				       : "no",
			 d->driver[0] ? d->driver : "-", note);
		len = strlen(line);
		while (len > 0 && line[len - 1] == ' ')
			line[--len] = '\0';
		fprintf(out, "%s\n", line);
	}
}
