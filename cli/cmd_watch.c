// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_watch.c - reboot-s390x watch: the long-running side of `pxe install --once`. It
 * follows every libvirt domain and turns each install-once entry local when the guest
 * that started from it reboots or shuts itself down; on start it settles what happened
 * while it was not running. Every decision is logged: to stderr, or with --syslog to
 * syslog (the journal), as its systemd unit runs it.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <systemd/sd-daemon.h>

#include "cli.h"
#include "virt/events.h"
#include "pxe/once.h"
#include "pxe/tree.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " watch [--root <dir>] [--connect <uri>] [--syslog]\n"
	      "\n"
	      "Follow every libvirt domain, and turn each install-once entry ('pxe install\n"
	      "--once') local when its guest, started from it, reboots or shuts itself down.\n"
	      "A destroy or a crash leaves the entry: the next start installs again.\n"
	      "\n"
	      "Options:\n"
	      "     --root <dir>     the TFTP root (default: $REBOOT_S390X_TFTP_ROOT, else\n"
	      "                      " CLI_TFTP_ROOT ")\n"
	      "     --connect <uri>  libvirt connection (default: libvirt's)\n"
	      "     --syslog         log to syslog (the journal) instead of stderr\n"
	      " -h, --help           display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

static volatile sig_atomic_t stopping;
static bool use_syslog;

static void on_signal(int sig)
{
	stopping = sig;
}

static void say(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (use_syslog) {
		vsyslog(prio, fmt, ap);
	} else {
		fputs(PROGRAM " watch: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}

struct watch {
	const char *root, *uri;
	struct pxe_events *events;
};

static void report(void *arg, const char *domain, const char *what,
		   const struct pxe_once_change *c)
{
	(void)arg;
	/* (someone else's write meanwhile, another watch's included: theirs stays) */
	if (c->rc == -ESTALE)
		say(LOG_NOTICE, "domain %s %s: %s", domain, what, c->msg);
	else if (c->rc)
		say(LOG_ERR, "domain %s %s: pxelinux.cfg/%s: %s (tried again until it works)",
		    domain, what, c->file, c->msg);
	else if (c->by_other)
		say(LOG_INFO, "domain %s %s: %s", domain, what, c->msg);
	else if (c->action == PXE_ONCE_KEEP)
		say(LOG_INFO, "domain %s %s: pxelinux.cfg/%s stays %s (%s)", domain, what, c->file,
		    c->old, c->why);
	else
		say(LOG_NOTICE, "domain %s %s: pxelinux.cfg/%s: %s -> %s (%s)", domain, what,
		    c->file, c->old, c->new, c->why);
	if (c->domain_msg[0])
		say(c->domain_failed ? LOG_ERR : LOG_NOTICE, "domain %s: %s", domain,
		    c->domain_msg);
}

static void on_event(void *arg, const char *name, const char *uuid, enum pxe_vm_event ev)
{
	const struct watch *w = arg;
	struct pxe_once_change changes[PXE_SETTLE_CHANGES_MAX];
	enum pxe_settle_restart restart;
	struct reipl_error err;
	int n, i;

	n = pxe_events_settle(w->events, w->root, name, uuid, ev, changes, PXE_SETTLE_CHANGES_MAX,
			      &restart, &err);
	if (n < 0) {
		say(LOG_ERR, "%s", err.msg);
		return;
	}
	for (i = 0; i < n; i++)
		report(NULL, name, pxe_vm_event_name(ev), &changes[i]);
	if (restart == PXE_SETTLE_RESET)
		say(LOG_NOTICE,
		    "domain %s held while its entry turned local, then reset: its "
		    "firmware reads the local entry",
		    name);
	else if (restart == PXE_SETTLE_RESTARTED)
		say(LOG_NOTICE,
		    "domain %s held while its entry turned local, then started again: its "
		    "new definition boots the disk",
		    name);
	else if (restart == PXE_SETTLE_HELD)
		say(LOG_WARNING,
		    "domain %s is held (paused) until its entry turns local: resumed now, it "
		    "would install again",
		    name);
	else if (restart == PXE_SETTLE_RESET_FAILED)
		say(LOG_ERR,
		    "%s (its firmware may have read the install entry again: 'virsh reset "
		    "%s' boots the local one)",
		    err.msg, name);
}

/* What happened while nobody watched: each install-once file against its domain now. */
static void reconcile(const struct watch *w)
{
	struct reipl_error err;
	size_t ndoms;
	int files = pxe_events_reconcile(w->events, w->root, report, NULL, &ndoms, &err);

	if (files < 0) {
		say(LOG_ERR, "%s", err.msg);
		files = 0;
	}
	say(LOG_INFO, "following %zu domain%s, %d install-once entr%s", ndoms,
	    ndoms == 1 ? "" : "s", files, files == 1 ? "y" : "ies");
}

int cmd_watch(const struct cli_ctx *ctx, int argc, char **argv)
{
	enum { O_ROOT = 256, O_CONNECT, O_SYSLOG };
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, O_ROOT },
		{ "connect", required_argument, NULL, O_CONNECT },
		{ "syslog", no_argument, NULL, O_SYSLOG },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct watch w = { 0 };
	struct reipl_error err;
	struct pxe_tree t;
	struct sigaction sa = { 0 };
	int c, rc = EXIT_SUCCESS;

	(void)ctx;
	w.root = cli_tftp_root();
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", longopts)) != -1) {
		switch (c) {
		case O_ROOT:
			w.root = optarg;
			break;
		case O_CONNECT:
			w.uri = optarg;
			break;
		case O_SYSLOG:
			use_syslog = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("watch", argv, c);
		}
	}
	if (optind - 1 < argc)
		return cli_error("watch: unexpected argument '%s'", argv[optind - 1]);
	if (use_syslog)
		openlog(PROGRAM, LOG_PID, LOG_DAEMON);
	/* A root that cannot be opened (a typo in REBOOT_S390X_TFTP_ROOT) would follow
	 * nothing for ever while every install entry stays: an error now. A root without
	 * pxelinux.cfg/ yet is fine: it has no entries until someone writes one. */
	if (pxe_tree_open(w.root, &t, &err))
		return cli_error("watch: %s", err.msg);
	pxe_tree_close(&t);
	if (pxe_events_open(w.uri, on_event, &w, &w.events, &err))
		return cli_error("watch: %s", err.msg);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	say(LOG_INFO, "started: TFTP root %s, libvirt %s", w.root, w.uri ? w.uri : "(default)");
	reconcile(&w);
	/* Type=notify: `systemctl start` returns once entries are being followed (without
	 * systemd, NOTIFY_SOCKET is unset and this does nothing). */
	sd_notify(0, "READY=1");
	while (!stopping) {
		if (pxe_events_wait(w.events, &err)) {
			/* Its unit restarts it; the restart reconciles what was missed. */
			say(LOG_ERR, "%s", err.msg);
			rc = EXIT_FAILURE;
			break;
		}
		pxe_events_retry(w.events, w.root, false, report, NULL);
	}
	sd_notify(0, "STOPPING=1");
	if (stopping)
		say(LOG_INFO, "stopped by signal %d", (int)stopping);
	pxe_events_close(w.events);
	return rc;
}
