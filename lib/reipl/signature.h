/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signature.h - how the programs guests run introduce themselves: the first line they
 * print, and a string in their images by which doctor recognises them (followed by the
 * version). Freestanding: included by the payload too.
 */
#ifndef REIPL_SIGNATURE_H
#define REIPL_SIGNATURE_H

#define REIPL_INIT_SIGNATURE	"reboot-s390x-init "
#define REIPL_PAYLOAD_SIGNATURE "reboot-s390x-payload "

#endif
