/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lookup.h - which pxelinux.cfg file and which entry a guest's network firmware boots.
 *
 * The firmware asks the TFTP server, in order, for pxelinux.cfg/<uuid>, 01-<mac>, its
 * IPv4 address in upper-case hex shortened one digit at a time (0A00020F ... 0), and
 * default. A name that is absent, empty, unreadable for the server or over 2047 bytes
 * does not stop the search; the first other file is the one, even when it has no entry.
 * Then the generation (fwgen.h) decides the entry, or what a failure leads to.
 */
#ifndef PXE_LOOKUP_H
#define PXE_LOOKUP_H

#include <stdbool.h>
#include <stdint.h>

#include "pxe/fwgen.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"
#include "reipl/reipl_error.h"

/* What the firmware knows of itself; any part may be unknown. */
struct pxe_ident {
	bool has_uuid, has_mac, has_ip;
	char uuid[37]; /* lower case, with dashes */
	uint8_t mac[6];
	uint32_t ip;	      /* host byte order */
	const char *loadparm; /* the interface's, or NULL */
	enum pxe_ipl_mode ipl_mode; /* secure IPL (QEMU 11.2): no network boot at all */
};

enum pxe_step_state {
	PXE_STEP_ABSENT,  /* no such file: next name */
	PXE_STEP_SKIPPED, /* empty, too large, unreadable: next name */
	PXE_STEP_USED,	  /* the file the firmware reads */
	PXE_STEP_UNTRIED, /* after the file that was used */
};

struct pxe_step {
	char name[64];
	enum pxe_step_state state;
	char why[128]; /* for SKIPPED */
};

enum pxe_outcome {
	PXE_OUT_BOOTS,	   /* the entry's kernel is loaded and started */
	PXE_OUT_NO_FILE,   /* no name gave a file */
	PXE_OUT_NO_ENTRY,  /* the file has no label */
	PXE_OUT_NO_KERNEL, /* the entry has no kernel line */
	PXE_OUT_LONG_NAME, /* a kernel or initrd name over PXE_PATH_MAX */
	PXE_OUT_NO_INITRD, /* no initrd line: boots without one, or fails (version, position) */
	PXE_OUT_LOADPARM_RANGE, /* 10.1+: the loadparm names an entry the file lacks */
	PXE_OUT_MENU,		/* 10.1+: loadparm PROMPT: a menu waits on the console */
	PXE_OUT_SECURE_IPL,	/* secure IPL refuses the network device: nothing is read */
};

#define PXE_LOOKUP_STEPS 11 /* uuid, mac, 8 IP prefixes, default */

struct pxe_lookup {
	enum pxe_fwgen gen;
	struct pxe_step steps[PXE_LOOKUP_STEPS];
	int nsteps;
	int used;	    /* index into steps, or -1 */
	struct pxe_cfg cfg; /* the used file, parsed as @gen reads it */
	int entry;	    /* the entry booted or meant, or -1 */
	enum pxe_outcome outcome;
	char loadparm[9]; /* as the firmware shows it, blank-padded */
	enum pxe_ipl_mode ipl_mode;
};

/*
 * Walk the lookup for @id on generation @gen through the tree as its TFTP server serves
 * it. 0, or -errno with a message when the tree cannot be read (a file that cannot be
 * read is a step, not an error).
 */
int pxe_lookup(const struct pxe_tree *t, const struct pxe_ident *id, enum pxe_fwgen gen,
	       struct pxe_lookup *out, struct reipl_error *err);

/*
 * Read pxelinux.cfg/@name (never through a symlink) and parse it as generation @gen
 * does; with @once, its install-once state from the same read. 0; -ENOENT when there
 * is no such file; -errno with a message.
 */
int pxe_lookup_file(const struct pxe_tree *t, const char *name, enum pxe_fwgen gen,
		    struct pxe_cfg *cfg, enum pxe_once_state *once, struct reipl_error *err);

/* "absent", "skipped", "used", "not asked": a step's state, as show prints it. */
const char *pxe_step_state_name(enum pxe_step_state state);

/* One line on what the guest does next: "boots entry 'x'", "falls back to ...". */
void pxe_lookup_result(const struct pxe_lookup *l, char *buf, size_t len);

/* True when two lookups end the same way (same file, entry, outcome and notes). */
bool pxe_lookup_same(const struct pxe_lookup *a, const struct pxe_lookup *b);

#endif
