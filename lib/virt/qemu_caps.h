/* SPDX-License-Identifier: GPL-2.0 */
/*
 * qemu_caps.h - what a qemu-system-s390x binary and its firmware can do, asked of them:
 * the generation of the network firmware a guest gets (pxe/fwgen.h), whatever the
 * version number says.
 */
#ifndef VIRT_QEMU_CAPS_H
#define VIRT_QEMU_CAPS_H

#include "pxe/fwgen.h"
#include "reipl/reipl_error.h"

/*
 * Ask @emulator (a path) for its virtio-net-ccw and s390-ccw-virtio properties and its
 * data directories, and read the s390-ccw.img it loads from the first that has one. Each
 * run is limited to 10 s. 0 (@c filled; @c->firmware_read false when no image was
 * found), or -errno with a message when the binary cannot be run.
 */
int pxe_qemu_caps(const char *emulator, struct pxe_fw_caps *c, struct reipl_error *err);

#endif
