/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ccw_kind.h - what a CCW device is, from its SENSE ID data alone.
 *
 * The kernel shows the SENSE ID data as sysfs "cutype" and "devtype"; the freestanding
 * payload gets the same numbers from the SENSE ID command. No driver is needed.
 */
#ifndef REIPL_CCW_KIND_H
#define REIPL_CCW_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reipl/busid.h"

struct reipl_ccw_ident {
	uint16_t cu_type;
	uint8_t cu_model;
	uint16_t dev_type; /* 0 when the device reports none ("n/a") */
	uint8_t dev_model;
};

/* QEMU's virtio-ccw control unit type; the model is the virtio device ID. */
#define REIPL_VIRTIO_CU_TYPE 0x3832

/* A short name: "virtio-net", "virtio-blk", "dasd-eckd", "zfcp", ..., or "unknown". */
const char *reipl_ccw_kind(const struct reipl_ccw_ident *id);

/* True for the devices a CCW re-IPL can boot from: virtio-blk, virtio-scsi, DASD. */
bool reipl_ccw_is_disk(const struct reipl_ccw_ident *id);

/* True for ECKD DASDs (the "device" of an eckd target). */
bool reipl_ccw_is_eckd(const struct reipl_ccw_ident *id);

/* True for zFCP adapters (the "device" of an fcp target). */
bool reipl_ccw_is_fcp(const struct reipl_ccw_ident *id);

/* A CCW device as the helper (from sysfs) and the payload (from SENSE ID) see it. */
struct reipl_ccwdev {
	struct reipl_busid id;
	char busid[REIPL_BUSID_LEN];
	struct reipl_ccw_ident ident;
	bool has_devtype; /* false when sysfs says "n/a" (every virtio device) */
	int online;	  /* 0, 1, or -1 when unknown */
	char driver[32];  /* bound driver, "" when none */
	const char *kind; /* reipl_ccw_kind() */
	bool disk;	  /* reipl_ccw_is_disk() */
};

/* Fill @dev from its bus-ID and SENSE ID data: busid, kind, disk; the rest cleared. */
void reipl_ccwdev_init(struct reipl_ccwdev *dev, const struct reipl_busid *id,
		       const struct reipl_ccw_ident *ident);

/* True for network cards (virtio-net, OSA/HiperSockets): re-IPLing one boots the network. */
bool reipl_ccw_is_network(const struct reipl_ccw_ident *id);

/*
 * The target "auto": the index of the lowest-numbered disk among @n devices (in any
 * order) that is not @ipl (NULL when the IPL device is not known), or -1 when none is.
 */
int reipl_ccw_pick_auto(const struct reipl_ccwdev *devs, size_t n, const struct reipl_busid *ipl);

#endif
