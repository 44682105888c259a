/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmd_pxe.h - what the files of `reboot-s390x pxe` share: the parsed command line, and the
 * subcommands cmd_pxe.c hands it to (each checked there for the options it takes).
 */
#ifndef REBOOT_S390X_CMD_PXE_H
#define REBOOT_S390X_CMD_PXE_H

#include <stdbool.h>

#define PXE_GUESTS_MAX 64

struct pxe_opts {
	const char *command;
	const char *root;
	const char *connect;
	const char *guests[PXE_GUESTS_MAX];
	int nguests;
	const char *guest; /* guests[0], or NULL */
	const char *target;
	const char *kernel;
	const char *initrd;
	const char *append;
	const char *payload;
	const char *method;   /* local: auto, fallback, payload, linux; setup: payload, linux */
	const char *init;     /* setup --method linux: the init of the initrd */
	const char *mac;      /* show: the guest's MAC, besides what the guest names */
	const char *uuid;     /* show: the guest's UUID, likewise */
	const char *ip;	      /* show: the guest's IPv4 address */
	const char *loadparm; /* show: the interface's loadparm */
	const char *firmware; /* show, check: one generation instead of all */
	bool force;	      /* local, install: replace a file reboot-s390x did not write */
	bool once;	      /* install: turn local when the installer is done */
	bool strict;	      /* check: warnings fail too */
	bool json;	      /* list, show, check: JSON instead of lines */
	bool secure_ipl;      /* show, check: a guest with secure IPL on */
};

/* cmd_pxe_write.c: local and install (@local false), then remove. */
int cmd_pxe_write(const struct pxe_opts *o, bool local);

/*
 * The entries @r asks for, for guests @guests[0..@n) (domain names resolved at libvirt
 * @connect), written into the tree at @root all or none and reported; errors start with
 * @command. pxe local/install and reprovision. EXIT_SUCCESS or EXIT_FAILURE.
 */
struct pxe_write_request;
int cmd_pxe_write_guests(const char *command, const char *root, const char *connect,
			const struct pxe_write_request *r, const char *const *guests, int n);
int cmd_pxe_remove(const struct pxe_opts *o);

/* cmd_pxe_show.c: what the firmware reads, for one guest, for the tree, and its faults. */
int cmd_pxe_show(const struct pxe_opts *o);
int cmd_pxe_list(const struct pxe_opts *o);
int cmd_pxe_check(const struct pxe_opts *o);

/* cmd_pxe_setup.c: the helper files put into the root. */
int cmd_pxe_setup(const struct pxe_opts *o);

/*
 * Shared by the files above: a guest as the firmware names it (a domain name resolved
 * to its UUID), and the tree opened (pxe_tree_open: a missing pxelinux.cfg/ is no error).
 * Both return 0, or EXIT_FAILURE after reporting.
 */
struct pxe_guest;
struct pxe_domain;
struct pxe_tree;
int cmd_pxe_guest(const struct pxe_opts *o, const char *text, struct pxe_guest *g,
		 struct pxe_domain *dom);
int cmd_pxe_open_tree(const char *command, const char *root, struct pxe_tree *t);

/* Print the guest as given, and as the firmware knows it where that differs: "vm (UUID)". */
void cmd_pxe_put_guest(const char *given, const struct pxe_guest *g);

#endif
