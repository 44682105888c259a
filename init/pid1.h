/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pid1.h - what the helper does only as /init: set up, and end the boot.
 */
#ifndef REBOOT_S390X_PID1_H
#define REBOOT_S390X_PID1_H

#include <stdbool.h>

#include "reipl/cmdline.h"

/* Mount proc, sysfs and devtmpfs where missing and make /dev/console stdin/out/err. */
void pid1_setup(void);

/*
 * End the boot: after success, sync and reboot (into the new re-IPL target); after an
 * error, wait rd.reipl.delay seconds (default 10) and do what rd.reipl.onerror says.
 * Never returns.
 */
__attribute__((noreturn)) void pid1_finish(bool ok, const struct reipl_cmdline *cl);

#endif
