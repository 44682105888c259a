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
#include <stdint.h>

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

/* True for zFCP adapters (the "device" of an fcp target). */
bool reipl_ccw_is_fcp(const struct reipl_ccw_ident *id);

#endif
