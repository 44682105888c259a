/* SPDX-License-Identifier: GPL-2.0 */
/*
 * entry.h - the pxelinux.cfg files `reboot-s390x pxe` writes, and what a file boots.
 */
#ifndef PXE_ENTRY_H
#define PXE_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "pxe/method.h"
#include "pxe/pxecfg.h"
#include "reipl/reipl_error.h"

/* The seed's names, and the ones Foreman's template uses. */
#define PXE_SEED_KERNEL	   "reboot-kernel.img"
#define PXE_SEED_INITRD	   "reboot-initrd.img"
#define PXE_FOREMAN_KERNEL "kernel-reboot.img"
#define PXE_FOREMAN_INITRD "initrd-reboot.img"

/* The first two lines of every file written here, up to the role: what makes it ours. */
#define PXE_ENTRY_MARK_ROLE "# reboot-s390x: "
#define PXE_ENTRY_MARK "# pxelinux\n" PXE_ENTRY_MARK_ROLE
/* The role of the local entry of --method host. */
#define PXE_ENTRY_HOST_ROLE "local, method host"

/* What the local entry's append line starts with when --append is not given. */
#define PXE_LOCAL_APPEND   "console=ttysclp0 quiet"
#define PXE_INSTALL_APPEND "console=ttysclp0"

#define PXE_FILE_MAX 1024 /* every file we write is far below the firmware's 2047 */

/*
 * An entry that boots the re-IPL helper: kernel, initrd, and an append line with one
 * rd.chreipl= per word of @target (the seed's split form; NULL for none: the helper's
 * default), then @extra (NULL for PXE_LOCAL_APPEND). The target is checked against
 * chreipl's grammar, names and lengths against the firmware's limits. 0 or -EINVAL.
 */
int pxe_entry_local(const char *target, const char *kernel, const char *initrd, const char *extra,
		    char *buf, size_t len, struct reipl_error *err);

/*
 * The payload's entry for pxelinux.cfg/@name: @payload (NULL: PXE_PAYLOAD_FILE) as the
 * kernel, and as the initrd the firmware insists on, the file itself, the smallest thing
 * that is always there (the payload reads only rd.chreipl=). @target NULL is "auto"; it
 * must be one the payload can do. 0 or -EINVAL.
 */
int pxe_entry_payload(const char *name, const char *payload, const char *target, const char *extra,
		      char *buf, size_t len, struct reipl_error *err);

/*
 * Whether the payload can re-IPL @target (chreipl arguments as one line; NULL: auto):
 * 0, or -EINVAL with the reason (a bad target, or one that needs Linux), without the
 * target itself in the message.
 */
int pxe_entry_payload_target(const char *target, struct reipl_error *err);

/*
 * A local boot by fallback: a file with no entry, whose comments say why, so that QEMU 9.2
 * and later fail the network boot and IPL the next device in the guest's boot order.
 */
int pxe_entry_fallback(char *buf, size_t len, struct reipl_error *err);

/*
 * The local entry of --method host: a file with no entry, like the fallback's (a guest
 * that asks the network anyway falls back to its disk on QEMU 9.2 and later), whose
 * second line says the domain's definition boots the disk.
 */
int pxe_entry_host(char *buf, size_t len, struct reipl_error *err);

/*
 * True for a file these functions wrote: it says so in its second line ("# reboot-s390x:
 * local", "install", ...). Anything else is someone else's (Foreman's, an admin's).
 */
bool pxe_entry_is_ours(const char *text, size_t len);

/* An installer entry: kernel, initrd, and @append (NULL for PXE_INSTALL_APPEND). */
int pxe_entry_install(const char *kernel, const char *initrd, const char *append, char *buf,
		      size_t len, struct reipl_error *err);

enum pxe_role { PXE_ROLE_LOCAL, PXE_ROLE_INSTALL, PXE_ROLE_OTHER, PXE_ROLE_BROKEN };

struct pxe_summary {
	enum pxe_role role;
	enum pxe_method method; /* local only: fallback, payload, linux or host; else auto */
	char target[256];	/* the rd.chreipl= words joined, "auto" for none (local only) */
};

/*
 * What the file's booted entry does: boots the helper (local), an installer, or else; a
 * file with no entry at all is a local boot by fallback; a local entry whose initrd is a
 * file in pxelinux.cfg/ boots the payload (that is how `pxe local` writes one).
 */
void pxe_summarize(const struct pxe_cfg *cfg, struct pxe_summary *s);

const char *pxe_role_name(enum pxe_role role);

/* A TFTP path we are willing to write: relative, no "..", no blanks, fits the firmware. */
int pxe_check_path(const char *what, const char *path, struct reipl_error *err);

#endif
