/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pxecfg.h - a pxelinux.cfg file exactly as QEMU's s390x network firmware reads it.
 *
 * The firmware's parser is its own (SLOF's libnet/pxelinux.c, inside s390-netboot.img),
 * much smaller than pxelinux's, and this is a model of it: the linter, `pxe show` and the
 * tests all see a file the way a guest will.
 */
#ifndef PXE_PXECFG_H
#define PXE_PXECFG_H

#include <stdbool.h>
#include <stddef.h>

#define PXE_CFG_BUFFER	2048 /* the firmware's buffer; 2047 bytes of the file fit */
#define PXE_CFG_USABLE	(PXE_CFG_BUFFER - 1)
#define PXE_MAX_ENTRIES 16
#define PXE_APPEND_MAX	896 /* copied to the kernel's command line area */
#define PXE_PATH_MAX	200 /* room the firmware leaves for a TFTP file name */

struct pxe_entry {
	const char *label;
	const char *kernel;
	const char *initrd;
	const char *append;
	int line; /* of the label */
};

enum pxe_severity { PXE_WARNING, PXE_ERROR };

struct pxe_note {
	int line;
	enum pxe_severity severity;
	char msg[160];
};

#define PXE_NOTES_MAX 64

struct pxe_cfg {
	char buf[PXE_CFG_BUFFER]; /* the bytes the firmware keeps, NUL-split in place */
	int cut_line;		  /* first line (partly) lost to the 2047-byte buffer, or 0 */
	struct pxe_entry entries[PXE_MAX_ENTRIES];
	int count;
	int def;		   /* the entry the firmware boots */
	const char *default_label; /* the last `default` argument seen, or NULL */
	int default_line;
	bool default_matched;
	int stop_line; /* line of the label at which the firmware stops, or 0 */
	struct pxe_note notes[PXE_NOTES_MAX];
	int nnotes;
};

/*
 * Parse a config file of @file_size bytes whose first @len bytes are at @data (at least
 * the first 2047, or the whole file; no NUL needed) as the firmware does: only the first
 * 2047 bytes; lines with leading blanks skipped and trailing blanks
 * and CRs trimmed; `#` comments; KEYWORD<blank>ARGUMENT with the keywords default,
 * label, kernel, initrd, append (any case); kernel/initrd/append before the first label
 * not understood; reading stops once 16 labels are seen; `default` matches only labels
 * after it, case-sensitively, else the first entry boots. Everything the firmware would
 * complain about or silently get wrong is recorded in @cfg->notes, with its line.
 */
void pxe_cfg_parse(const char *data, size_t len, size_t file_size, struct pxe_cfg *cfg);

/* The entry the firmware boots, or NULL when the file has none. */
const struct pxe_entry *pxe_cfg_default(const struct pxe_cfg *cfg);

#endif
