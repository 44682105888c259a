// SPDX-License-Identifier: GPL-2.0
/*
 * ccw_kind.c - classify CCW devices by control unit and device type.
 *
 * The tables are the kernel's own ID tables (dasd_eckd.c, dasd_fba.c, zfcp, qeth) and
 * QEMU's virtio-ccw, which reports control unit 3832 with the virtio device ID as model.
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <stddef.h>
#include <string.h>

#include "reipl/ccw_kind.h"

struct cu_dev {
	uint16_t cu_type;
	uint16_t dev_type;
};

static const struct cu_dev dasd_eckd[] = {
	{ 0x3990, 0x3390 }, { 0x2105, 0x3390 }, { 0x3880, 0x3390 }, { 0x3990, 0x3380 },
	{ 0x2105, 0x3380 }, { 0x9343, 0x9345 }, { 0x2107, 0x3390 }, { 0x2107, 0x3380 },
	{ 0x1750, 0x3390 }, { 0x1750, 0x3380 },
};

static const struct cu_dev dasd_fba[] = {
	{ 0x6310, 0x9336 },
	{ 0x3880, 0x3370 },
};

static const struct {
	uint8_t id;
	const char *name;
} virtio_models[] = {
	{ 0x01, "virtio-net" },	  { 0x02, "virtio-blk" },     { 0x03, "virtio-console" },
	{ 0x04, "virtio-rng" },	  { 0x05, "virtio-balloon" }, { 0x08, "virtio-scsi" },
	{ 0x09, "virtio-9p" },	  { 0x10, "virtio-gpu" },     { 0x12, "virtio-input" },
	{ 0x13, "virtio-vsock" }, { 0x14, "virtio-crypto" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static bool in_table(const struct cu_dev *t, size_t n, const struct reipl_ccw_ident *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].cu_type == id->cu_type && t[i].dev_type == id->dev_type)
			return true;
	return false;
}

const char *reipl_ccw_kind(const struct reipl_ccw_ident *id)
{
	size_t i;

	if (id->cu_type == REIPL_VIRTIO_CU_TYPE) {
		for (i = 0; i < N(virtio_models); i++)
			if (virtio_models[i].id == id->cu_model)
				return virtio_models[i].name;
		return "virtio";
	}
	if (in_table(dasd_eckd, N(dasd_eckd), id))
		return "dasd-eckd";
	if (in_table(dasd_fba, N(dasd_fba), id))
		return "dasd-fba";
	if (reipl_ccw_is_fcp(id))
		return "zfcp";
	if (id->cu_type == 0x1731 && (id->cu_model == 0x01 || id->cu_model == 0x05))
		return "qeth";
	if (id->cu_type == 0x3088)
		return "ctc";
	if (id->cu_type == 0x3215)
		return "console";
	/* z/VM's virtual reader, punch and printer. */
	if (id->cu_type == 0x2540 || id->cu_type == 0x3505 || id->cu_type == 0x3525 ||
	    id->cu_type == 0x1403)
		return "unit-record";
	return "unknown";
}

bool reipl_ccw_is_disk(const struct reipl_ccw_ident *id)
{
	if (id->cu_type == REIPL_VIRTIO_CU_TYPE)
		return id->cu_model == 0x02 || id->cu_model == 0x08;
	return in_table(dasd_eckd, N(dasd_eckd), id) || in_table(dasd_fba, N(dasd_fba), id);
}

bool reipl_ccw_is_eckd(const struct reipl_ccw_ident *id)
{
	return in_table(dasd_eckd, N(dasd_eckd), id);
}

bool reipl_ccw_is_fcp(const struct reipl_ccw_ident *id)
{
	return id->cu_type == 0x1731 && id->cu_model == 0x03;
}

bool reipl_ccw_is_network(const struct reipl_ccw_ident *id)
{
	if (id->cu_type == REIPL_VIRTIO_CU_TYPE)
		return id->cu_model == 0x01;
	return id->cu_type == 0x1731 && (id->cu_model == 0x01 || id->cu_model == 0x05);
}

void reipl_ccwdev_init(struct reipl_ccwdev *dev, const struct reipl_busid *id,
		       const struct reipl_ccw_ident *ident)
{
	memset(dev, 0, sizeof(*dev));
	dev->id = *id;
	reipl_busid_format(id, dev->busid);
	dev->ident = *ident;
	dev->online = -1;
	dev->kind = reipl_ccw_kind(ident);
	dev->disk = reipl_ccw_is_disk(ident);
}

int reipl_ccw_pick_auto(const struct reipl_ccwdev *devs, size_t n, const struct reipl_busid *ipl)
{
	int best = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!devs[i].disk || (ipl && reipl_busid_equal(&devs[i].id, ipl)))
			continue;
		if (best < 0 || reipl_busid_cmp(&devs[i].id, &devs[best].id) < 0)
			best = (int)i;
	}
	return best;
}
