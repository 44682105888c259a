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

#include "pxe/fwgen.h"

#define PXE_CFG_BUFFER	2048 /* the firmware's buffer; a file of up to 2047 bytes fits */
#define PXE_CFG_USABLE	(PXE_CFG_BUFFER - 1)
#define PXE_MAX_ENTRIES 31  /* the most any generation reads (fwgen.h) */
#define PXE_APPEND_MAX	896 /* copied to the kernel's command line area */
#define PXE_PATH_MAX	207 /* the longest kernel or initrd name that boots (measured) */

struct pxe_entry {
	const char *label;
	const char *kernel;
	const char *initrd;
	const char *append;
	int line; /* of the label */
};

enum pxe_severity { PXE_WARNING, PXE_ERROR, PXE_NOTE /* information, no fault */ };

struct pxe_note {
	int line;
	enum pxe_severity severity;
	char msg[320]; /* the longest note, with a 40-byte label, fits */
};

#define PXE_NOTES_MAX 64

struct pxe_cfg {
	char buf[PXE_CFG_BUFFER]; /* the bytes the firmware keeps, NUL-split in place */
	enum pxe_fwgen gen;	  /* the generation this file was read as */
	bool skipped;		  /* empty or too large: the firmware tries the next name */
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
 * the first 2047, or the whole file; no NUL needed) as firmware generation @gen does:
 * an empty file, or one over 2047 bytes, is not read at all (@cfg->skipped: the firmware
 * goes on with the next name); a NUL byte ends the text; lines with leading blanks
 * skipped and trailing blanks and CRs trimmed; `#` comments; KEYWORD<blank>ARGUMENT
 * with the keywords default, label, kernel, initrd, append (any case); kernel/initrd/
 * append before the first label not understood; reading stops once the generation's
 * last label (16th or 31st) is seen; `default` matches only labels after it,
 * case-sensitively, else the first entry boots. Everything the firmware would complain
 * about or silently get wrong is recorded in @cfg->notes, with its line.
 */
void pxe_cfg_parse(const char *data, size_t len, size_t file_size, enum pxe_fwgen gen,
		   struct pxe_cfg *cfg);

/*
 * The entry a loadparm selects on a generation that selects by loadparm (fwgen.h):
 * blank, "0" or anything not starting with a digit: the default entry (returns 0); a
 * number N from 1: entry N-1 (returns 0, or -ERANGE when the file has fewer entries:
 * the firmware then stops the guest). "PROMPT" returns -EAGAIN: the firmware shows a
 * menu and waits for an answer on the console. @index gets the entry's index. A file
 * with no entry returns -ENOENT and @index -1.
 */
int pxe_cfg_select(const struct pxe_cfg *cfg, const char *loadparm, int *index);

/* The entry the firmware boots, or NULL when the file has none. */
const struct pxe_entry *pxe_cfg_default(const struct pxe_cfg *cfg);

#endif
