// SPDX-License-Identifier: GPL-2.0
/*
 * resolve.c - target detection, the "auto" target, "node" targets and existence checks.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "reipl/ccw.h"
#include "reipl/hex.h"
#include "reipl/resolve.h"
#include "reipl/sysroot.h"

/* Is @id listed in /proc/cio_ignore ("0.0.0005" or "0.0.0000-0.0.00ff" lines)? */
static bool cio_ignored(const char *root, const struct reipl_busid *id)
{
	char line[64];
	bool found = false;
	FILE *f;

	f = reipl_fopen(root, "/proc/cio_ignore");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		struct reipl_busid lo, hi;
		char *dash;

		line[strcspn(line, "\n")] = '\0';
		dash = strchr(line, '-');
		if (dash)
			*dash = '\0';
		if (reipl_busid_parse(line, &lo))
			continue;
		hi = lo;
		if (dash && reipl_busid_parse(dash + 1, &hi))
			continue;
		found = reipl_busid_cmp(&lo, id) <= 0 && reipl_busid_cmp(id, &hi) <= 0;
	}
	fclose(f);
	return found;
}

static int not_found(const char *root, const struct reipl_busid *id, const char *what,
		     struct reipl_error *err)
{
	char busid[REIPL_BUSID_LEN];

	reipl_busid_format(id, busid);
	if (cio_ignored(root, id))
		return reipl_fail(err, -ENODEV,
				  "Device is on cio_ignore list, try \"cio_ignore -r %s\"?", busid);
	return reipl_fail(err, -ENODEV, "Could not find %s \"%s\"", what, busid);
}

/* chreipl's auto-detection, by device kind rather than by bound driver. */
static int detect(const char *root, struct reipl_target *t, struct reipl_error *err)
{
	const char *word = t->pos[0];
	struct reipl_ccwdev dev;
	struct reipl_busid id;
	char path[PATH_MAX];

	if (reipl_path(root, word, path, sizeof(path)) == 0 && word[0] == '/' &&
	    access(path, F_OK) == 0) {
		t->type = REIPL_TYPE_NODE;
		return reipl_target_finish(t, err);
	}
	if (reipl_busid_parse(word, &id))
		return reipl_fail(err, -EINVAL,
				  "No valid target specified: \"%.40s\" is no target, bus-ID or "
				  "existing path",
				  word);
	if (reipl_ccw_get(root, &id, &dev))
		return not_found(root, &id, "CCW device", err);
	if (reipl_ccw_is_fcp(&dev.ident))
		t->type = REIPL_TYPE_FCP;
	else
		t->type = REIPL_TYPE_CCW;
	return reipl_target_finish(t, err);
}

/* The lowest-numbered CCW disk that is not the IPL device. */
static int pick_auto(const char *root, struct reipl_target *t, struct reipl_error *err)
{
	struct reipl_ccwdev *devs;
	struct reipl_busid ipl;
	bool have_ipl;
	size_t n;
	int rc, best;

	rc = reipl_ccw_scan(root, &devs, &n, err);
	if (rc)
		return rc;
	have_ipl = reipl_ipl_device(root, &ipl) == 0;
	best = reipl_ccw_pick_auto(devs, n, have_ipl ? &ipl : NULL);
	if (best >= 0) {
		t->device = devs[best].id;
		t->opts |= REIPL_OPT_DEVICE;
		t->type = REIPL_TYPE_CCW;
	}
	free(devs);
	if (best >= 0)
		return 0;
	if (have_ipl) {
		char busid[REIPL_BUSID_LEN];

		reipl_busid_format(&ipl, busid);
		return reipl_fail(err, -ENODEV,
				  "No CCW disk found for target \"auto\" (the IPL device %s is "
				  "not counted)",
				  busid);
	}
	return reipl_fail(err, -ENODEV, "No CCW disk found for target \"auto\"");
}

/* Find the /proc/partitions name of major:minor ("major minor #blocks name" lines). */
static int partition_name(const char *root, unsigned int maj, unsigned int min, char *name,
			  size_t len)
{
	char line[256];
	int rc = -ENOENT;
	FILE *f;

	f = reipl_fopen(root, "/proc/partitions");
	if (!f)
		return -errno;
	while (rc && fgets(line, sizeof(line), f)) {
		char *field[4], *save = NULL, *tok = strtok_r(line, " \t\n", &save);
		uint64_t ma, mi;
		int n = 0;

		for (; tok && n < 4; tok = strtok_r(NULL, " \t\n", &save))
			field[n++] = tok;
		if (n == 4 && reipl_parse_dec(field[0], UINT32_MAX, &ma) == 0 &&
		    reipl_parse_dec(field[1], UINT32_MAX, &mi) == 0 && ma == maj && mi == min) {
			snprintf(name, len, "%s", field[3]);
			rc = 0;
		}
	}
	fclose(f);
	return rc;
}

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The bus-ID in a path ".../css0/<subchannel>/<bus-ID>/...". */
static int busid_from_css_path(const char *real, struct reipl_busid *id)
{
	const char *p = strstr(real, "/css0/");
	char comp[32];
	size_t len;

	if (!p)
		return -ENOENT;
	p = strchr(p + 6, '/'); /* skip the subchannel */
	if (!p)
		return -ENOENT;
	p++;
	len = strcspn(p, "/");
	if (len == 0 || len >= sizeof(comp))
		return -ENOENT;
	memcpy(comp, p, len);
	comp[len] = '\0';
	return reipl_busid_parse(comp, id);
}

static int node_ccw(const char *root, const char *disk, struct reipl_target *t,
		    struct reipl_error *err)
{
	char path[PATH_MAX], real[PATH_MAX];

	reipl_pathf(root, path, sizeof(path), "/sys/block/%s/device", disk);
	if (!realpath(path, real))
		return reipl_fail(err, -ENODEV, "Could not find device \"%s\"", disk);
	if (busid_from_css_path(real, &t->device))
		return reipl_fail(err, -ENODEV, "Could not find the CCW device of \"%s\"", disk);
	t->type = REIPL_TYPE_CCW;
	t->opts |= REIPL_OPT_DEVICE;
	return 0;
}

static int read_u64(const char *root, const char *path, bool hex, uint64_t *val)
{
	char buf[64];
	int rc = reipl_read_attr(root, path, buf, sizeof(buf));

	if (rc < 0)
		return rc;
	return hex ? reipl_parse_hex(buf, UINT64_MAX, val) : reipl_parse_dec(buf, UINT64_MAX, val);
}

static int node_fcp(const char *root, const char *disk, struct reipl_target *t,
		    struct reipl_error *err)
{
	char path[PATH_MAX], buf[64];

	reipl_pathf(NULL, path, sizeof(path), "/sys/block/%s/device/hba_id", disk);
	if (reipl_read_attr(root, path, buf, sizeof(buf)) < 0 || reipl_busid_parse(buf, &t->device))
		return reipl_fail(err, -ENODEV, "Could not find device \"%s\"", disk);
	reipl_pathf(NULL, path, sizeof(path), "/sys/block/%s/device/wwpn", disk);
	if (read_u64(root, path, true, &t->wwpn))
		return reipl_fail(err, -ENODEV, "Could not read the WWPN of \"%s\"", disk);
	reipl_pathf(NULL, path, sizeof(path), "/sys/block/%s/device/fcp_lun", disk);
	if (read_u64(root, path, true, &t->lun))
		return reipl_fail(err, -ENODEV, "Could not read the LUN of \"%s\"", disk);
	t->type = REIPL_TYPE_FCP;
	t->opts |= REIPL_OPT_DEVICE | REIPL_OPT_WWPN | REIPL_OPT_LUN;
	return 0;
}

static int node_nvme(const char *root, const char *disk, struct reipl_target *t,
		     struct reipl_error *err)
{
	char path[PATH_MAX], ctrl[64];
	uint64_t fid, nsid;
	const char *n = strrchr(disk, 'n');

	/* nvme0n1 -> controller nvme0 */
	if (!n || n == disk || (size_t)(n - disk) >= sizeof(ctrl))
		return reipl_fail(err, -ENODEV, "Could not find device \"%s\"", disk);
	memcpy(ctrl, disk, (size_t)(n - disk));
	ctrl[n - disk] = '\0';
	reipl_pathf(NULL, path, sizeof(path), "/sys/class/nvme/%s/device/function_id", ctrl);
	if (read_u64(root, path, true, &fid) || fid > UINT32_MAX)
		return reipl_fail(err, -ENODEV, "Could not read the FID of \"%s\"", disk);
	reipl_pathf(NULL, path, sizeof(path), "/sys/block/%s/nsid", disk);
	if (read_u64(root, path, false, &nsid) || nsid == 0 || nsid > UINT32_MAX)
		return reipl_fail(err, -ENODEV, "Could not read the NSID of \"%s\"", disk);
	t->fid = (uint32_t)fid;
	t->nsid = (uint32_t)nsid;
	t->type = REIPL_TYPE_NVME;
	t->opts |= REIPL_OPT_FID | REIPL_OPT_NSID;
	return 0;
}

/* chreipl's "node" target: a block device node or a directory on one. */
static int resolve_node(const char *root, struct reipl_target *t, struct reipl_error *err)
{
	char path[PATH_MAX], name[64], disk[64], real[PATH_MAX];
	struct stat st;
	dev_t dev;
	size_t len;
	int rc;

	if (reipl_path(root, t->node, path, sizeof(path)) || stat(path, &st) != 0)
		return reipl_fail(err, -ENOENT, "Could not find \"%s\"", t->node);
	if (S_ISDIR(st.st_mode))
		dev = st.st_dev;
	else if (S_ISBLK(st.st_mode))
		dev = st.st_rdev;
	else
		return reipl_fail(err, -EINVAL,
				  "Only block device nodes or directories are valid for \"node\" "
				  "target");
	if (partition_name(root, major(dev), minor(dev), name, sizeof(name)))
		return reipl_fail(err, -ENODEV,
				  "Invalid device node \"%s\" (%u:%u is not in "
				  "/proc/partitions)",
				  t->node, major(dev), minor(dev));

	/* The whole disk: strip partition digits (nvme: from the last "p"). */
	snprintf(disk, sizeof(disk), "%s", name);
	if (has_prefix(disk, "nvme")) {
		char *p = strrchr(disk, 'p');

		if (p && p > strrchr(disk, 'n'))
			*p = '\0';
	} else {
		len = strlen(disk);
		while (len > 0 && isdigit((unsigned char)disk[len - 1]))
			disk[--len] = '\0';
	}

	/* virtio-blk and virtio-scsi on the CCW bus (s390-tools 2.33's fix) come first. */
	reipl_pathf(root, path, sizeof(path), "/sys/block/%s/device", disk);
	if (realpath(path, real) && strstr(real, "/css0/") && strstr(real, "/virtio"))
		rc = node_ccw(root, disk, t, err);
	else if (has_prefix(disk, "dasd") || has_prefix(disk, "vd"))
		rc = node_ccw(root, disk, t, err);
	else if (has_prefix(disk, "sd"))
		rc = node_fcp(root, disk, t, err);
	else if (has_prefix(disk, "nvme"))
		rc = node_nvme(root, disk, t, err);
	else
		rc = reipl_fail(err, -ENODEV, "Unsupported device node \"%s\" (%s)", t->node, name);
	if (rc)
		return rc;
	return reipl_target_check(t, err);
}

/* Does an NVMe function with this FID and a namespace with this NSID exist? */
static bool nvme_exists(const char *root, uint32_t fid, uint32_t nsid)
{
	char path[PATH_MAX], sub[PATH_MAX];
	struct dirent *de, *ns;
	bool found = false;
	DIR *dir, *cdir;

	if (reipl_path(root, "/sys/class/nvme", path, sizeof(path)) || !(dir = opendir(path)))
		return false;
	while (!found && (de = readdir(dir))) {
		uint64_t v;

		if (de->d_name[0] == '.')
			continue;
		reipl_pathf(NULL, sub, sizeof(sub), "/sys/class/nvme/%s/device/function_id",
			    de->d_name);
		if (read_u64(root, sub, true, &v) || v != fid)
			continue;
		reipl_pathf(root, sub, sizeof(sub), "/sys/class/nvme/%s", de->d_name);
		cdir = opendir(sub);
		if (!cdir)
			continue;
		while (!found && (ns = readdir(cdir))) {
			char nspath[PATH_MAX];

			if (!has_prefix(ns->d_name, de->d_name) ||
			    ns->d_name[strlen(de->d_name)] != 'n')
				continue;
			reipl_pathf(NULL, nspath, sizeof(nspath), "/sys/class/nvme/%s/%s/nsid",
				    de->d_name, ns->d_name);
			found = read_u64(root, nspath, false, &v) == 0 && v == nsid;
		}
		closedir(cdir);
	}
	closedir(dir);
	return found;
}

/*
 * chreipl's device rule, by device kind instead of bound driver (an initrd binds none):
 * ccw takes what dasd-eckd, dasd-fba or virtio_ccw would drive (a DASD or any virtio
 * device), eckd an ECKD DASD, fcp an FCP adapter. -f skips it. (The helper then refuses
 * a virtio device that is no disk: reipl_require_disk.)
 */
static int wrong_kind(const struct reipl_ccwdev *dev, const char *what, struct reipl_error *err)
{
	return reipl_fail(err, -ENODEV, "Could not find %s \"%s\": it is a %s (-f forces it)", what,
			  dev->busid, dev->kind);
}

static int check_exists(const char *root, const struct reipl_target *t, struct reipl_error *err)
{
	struct reipl_ccwdev dev;
	char path[PATH_MAX];

	/* A type the kernel does not offer at all: that is what to say (reipl_plan_build). */
	reipl_pathf(NULL, path, sizeof(path), "/sys/firmware/reipl/%s", reipl_type_name(t->type));
	if (!reipl_exists(root, path))
		return 0;
	switch (t->type) {
	case REIPL_TYPE_CCW:
		if (reipl_ccw_get(root, &t->device, &dev))
			return not_found(root, &t->device, "CCW device", err);
		if (!dev.disk && dev.ident.cu_type != REIPL_VIRTIO_CU_TYPE)
			return wrong_kind(&dev, "DASD CCW device", err);
		break;
	case REIPL_TYPE_ECKD:
		if (reipl_ccw_get(root, &t->device, &dev))
			return not_found(root, &t->device, "DASD ECKD device", err);
		if (!reipl_ccw_is_eckd(&dev.ident))
			return wrong_kind(&dev, "DASD ECKD device", err);
		break;
	case REIPL_TYPE_FCP:
		if (reipl_ccw_get(root, &t->device, &dev))
			return not_found(root, &t->device, "FCP device", err);
		if (!reipl_ccw_is_fcp(&dev.ident))
			return wrong_kind(&dev, "FCP device", err);
		break;
	case REIPL_TYPE_NVME:
		if (!nvme_exists(root, t->fid, t->nsid))
			return reipl_fail(err, -ENODEV,
					  "Could not find NVME device with fid 0x%08x and nsid %u",
					  t->fid, t->nsid);
		break;
	default:
		break;
	}
	return 0;
}

int reipl_resolve(const char *root, struct reipl_target *t, struct reipl_error *err)
{
	int rc = 0;

	if (t->detect)
		rc = detect(root, t, err);
	if (rc)
		return rc;
	if (t->type == REIPL_TYPE_AUTO)
		rc = pick_auto(root, t, err);
	else if (t->type == REIPL_TYPE_NODE)
		rc = resolve_node(root, t, err);
	if (rc)
		return rc;
	if (t->opts & REIPL_OPT_FORCE)
		return 0;
	return check_exists(root, t, err);
}

int reipl_require_disk(const char *root, const struct reipl_target *t, struct reipl_error *err)
{
	struct reipl_ccwdev dev;

	if (t->type != REIPL_TYPE_CCW || (t->opts & REIPL_OPT_FORCE))
		return 0;
	if (reipl_ccw_get(root, &t->device, &dev))
		return not_found(root, &t->device, "CCW device", err);
	if (!dev.disk)
		return reipl_fail(err, -EINVAL,
				  "Device %s is a %s, not a disk: re-IPL from it would not boot "
				  "the installed system (use -f to force)",
				  dev.busid, dev.kind);
	return 0;
}
