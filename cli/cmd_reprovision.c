// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_reprovision.c - reboot-s390x reprovision: install a libvirt domain again in one
 * command. Writes an install-once entry (as `pxe install --once` does), cold-starts the
 * domain, follows it through libvirt's events, and turns the entry local when the
 * installer ends, so that no later start wipes the disk again.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_pxe.h"
#include "virt/events.h"
#include "pxe/guest.h"
#include "virt/libvirt.h"
#include "pxe/once.h"
#include "pxe/plan.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"

#define DEFAULT_TIMEOUT 3600

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " reprovision [options] <domain> --kernel <file> --initrd <file>\n"
	      "\n"
	      "Install a libvirt domain again: write its install entry, start it cold, follow\n"
	      "it, and when its installer reboots or shuts the guest down, write its local\n"
	      "entry, so that every later start boots the disk.\n"
	      "\n"
	      "Options:\n"
	      "     --root <dir>        the TFTP root (default: $REBOOT_S390X_TFTP_ROOT, else\n"
	      "                         " CLI_TFTP_ROOT ")\n"
	      "     --connect <uri>     libvirt connection (default: libvirt's)\n"
	      "     --kernel <file>     the installer's kernel, relative to the TFTP root\n"
	      "     --initrd <file>     the installer's initrd\n"
	      "     --append <args>     the installer's command line (default "
	      "\"console=ttysclp0\")\n"
	      "     --target <args>     the local entry's re-IPL target (as for 'pxe local')\n"
	      "     --method <m>        the local entry's method: auto, fallback, payload, linux,\n"
	      "                         host (the domain's definition follows the entry)\n"
	      "     --payload <file>    the payload's name in the TFTP root\n"
	      " -f, --force             replace an entry " PROGRAM " did not write\n"
	      "     --start-again       start the guest again after an installer that powers\n"
	      "                         off (it then boots its disk)\n"
	      "     --timeout <seconds> give up following after this long (default 3600)\n"
	      " -h, --help              display this help\n"
	      "\n"
	      "Stopped by Ctrl-C, the time limit, a destroy or a crash, it writes nothing more\n"
	      "and says which entry is left. For more details see reboot-s390x(8).\n",
	      stdout);
}

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

struct follow {
	const char *domain, *uri, *root;
	struct pxe_events *events;
	char uuid[37];
	bool seen_start;
	/* What the installer did: set from the event callback, read by the loop. */
	enum pxe_vm_event last;
	bool have_event;
	/* What a write tried again did: turned the entry local, or found it changed. */
	bool retried_flip, retry_stopped;
};

static void on_event(void *arg, const char *name, const char *uuid, enum pxe_vm_event ev)
{
	struct follow *f = arg;

	(void)name;
	if (strcmp(uuid, f->uuid) != 0)
		return;
	/* The destroy of our own cold start comes before its start: not the installer's. */
	if (!f->seen_start && ev != PXE_VM_STARTED)
		return;
	f->seen_start = true;
	f->last = ev;
	f->have_event = true;
}

/* One change to the domain's files, as it is printed; true when its entry turned local. */
static bool said(const struct pxe_once_change *c, bool *stop)
{
	if (c->by_other && c->action == PXE_ONCE_FLIP) {
		/* A watch following the same domain got there first: the job is done. */
		printf("%s\n", c->msg);
		return true;
	}
	if (c->rc == -ESTALE) {
		cli_error("reprovision: pxelinux.cfg/%s: %s", c->file, c->msg);
		*stop = true;
	} else if (c->rc) {
		cli_warn("reprovision: pxelinux.cfg/%s: %s (tried again until it works)", c->file,
			 c->msg);
	} else if (c->action == PXE_ONCE_FLIP) {
		printf("pxelinux.cfg/%s: %s -> %s (%s)\n", c->file, c->old, c->new, c->why);
		if (c->domain_failed)
			cli_warn("reprovision: %s", c->domain_msg);
		else if (c->domain_msg[0])
			printf("domain: %s\n", c->domain_msg);
		return true;
	}
	return false;
}

/* Apply what the domain did to its entry; true when the entry turned local. */
static bool apply(struct follow *f, enum pxe_vm_event ev, bool *stop)
{
	struct pxe_once_change changes[PXE_SETTLE_CHANGES_MAX];
	enum pxe_settle_restart restart;
	struct reipl_error err;
	bool flipped = false, stale;
	char file[64];
	int n, i;

	*stop = ev == PXE_VM_DESTROYED || ev == PXE_VM_CRASHED;
	n = pxe_events_settle(f->events, f->root, f->domain, f->uuid, ev, changes,
			      PXE_SETTLE_CHANGES_MAX, &restart, &err);
	if (n < 0) {
		cli_error("reprovision: %s", err.msg);
		*stop = true;
		return false;
	}
	/* A watch following the same domain may have turned the entry local before we read
	 * it (no install-once file left, or one it rewrote under us): the job is done. */
	stale = n == 0;
	for (i = 0; i < n; i++)
		stale |= changes[i].rc == -ESTALE;
	if (stale && pxe_events_local_file(f->events, f->root, f->domain, f->uuid, file)) {
		printf("pxelinux.cfg/%s: local already (turned so by another writer: a watch?)\n",
		       file);
		*stop = true;
		return true;
	}
	for (i = 0; i < n; i++)
		flipped |= said(&changes[i], stop);
	if (pxe_events_pending(f->events))
		*stop = false; /* a write to be tried again: followed on */
	if (restart == PXE_SETTLE_RESET)
		printf("%s: held while its entry turned local, then reset: its firmware reads the "
		       "local entry\n",
		       f->domain);
	else if (restart == PXE_SETTLE_RESTARTED)
		printf("%s: held while its entry turned local, then started again: its new "
		       "definition boots the disk\n",
		       f->domain);
	else if (restart == PXE_SETTLE_HELD)
		cli_warn("reprovision: %s is held (paused) until its entry turns local: resumed "
			 "now, it would install again",
			 f->domain);
	else if (restart == PXE_SETTLE_RESET_FAILED)
		cli_warn("reprovision: %s (its firmware may have read the install entry again: "
			 "'virsh reset %s' boots the local one)",
			 err.msg, f->domain);
	if (n == 0) {
		cli_error("reprovision: the domain's install entry is gone (rewritten by someone "
			  "else?): stopped following");
		*stop = true;
	}
	return flipped;
}

/* A write tried again (pxe_events_retry): printed, and the loop told when it is done. */
static void on_retry(void *arg, const char *name, const char *when,
		     const struct pxe_once_change *c)
{
	struct follow *f = arg;
	bool stop = false;

	(void)name, (void)when;
	if (said(c, &stop))
		f->retried_flip = true;
	if (stop)
		f->retry_stopped = true;
}

static void progress(const struct follow *f, time_t started, const char *what, bool tty)
{
	if (!tty)
		return;
	fprintf(stderr, "\r" PROGRAM ": %s: %s, %lds ", f->domain, what,
		(long)(time(NULL) - started));
	fflush(stderr);
}

/* The one command that finishes what was left: the local entry, as it was planned. */
static void left(const struct follow *f, const struct pxe_write_request *r, const char *why)
{
	const char *const opts[][2] = {
		{ "--method", r->method },
		{ "--target", r->target },
		{ "--payload", r->payload },
	};
	char name[64];
	struct pxe_guest g;
	size_t i;

	if (pxe_guest_parse(f->uuid, &g, NULL) == 0)
		pxe_guest_file(&g, name, sizeof(name));
	else
		snprintf(name, sizeof(name), "%s", f->uuid);
	fputs(PROGRAM ": ", stderr);
	cli_put_escaped(stderr, f->domain);
	fprintf(stderr,
		": %s; pxelinux.cfg/%s is left as the install entry. When the installer is "
		"done, this finishes the job:\n  " PROGRAM " pxe --root ",
		why, name);
	/* Every word quoted for the shell it is pasted into, as root. */
	cli_put_shell_word(stderr, f->root);
	if (f->uri) {
		fputs(" --connect ", stderr);
		cli_put_shell_word(stderr, f->uri);
	}
	fputs(" local ", stderr);
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		if (!opts[i][1])
			continue;
		fprintf(stderr, "%s ", opts[i][0]);
		cli_put_shell_word(stderr, opts[i][1]);
		fputc(' ', stderr);
	}
	/* (after "--": a domain name may start with '-') */
	fputs("-- ", stderr);
	cli_put_shell_word(stderr, f->domain);
	fputc('\n', stderr);
}

int cmd_reprovision(const struct cli_ctx *ctx, int argc, char **argv)
{
	enum {
		O_ROOT = 256,
		O_CONNECT,
		O_KERNEL,
		O_INITRD,
		O_APPEND,
		O_TARGET,
		O_METHOD,
		O_PAYLOAD,
		O_START_AGAIN,
		O_TIMEOUT
	};
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, O_ROOT },
		{ "connect", required_argument, NULL, O_CONNECT },
		{ "kernel", required_argument, NULL, O_KERNEL },
		{ "initrd", required_argument, NULL, O_INITRD },
		{ "append", required_argument, NULL, O_APPEND },
		{ "target", required_argument, NULL, O_TARGET },
		{ "method", required_argument, NULL, O_METHOD },
		{ "payload", required_argument, NULL, O_PAYLOAD },
		{ "force", no_argument, NULL, 'f' },
		{ "start-again", no_argument, NULL, O_START_AGAIN },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pxe_write_request r = { .once = true };
	int c, rc = EXIT_FAILURE;
	struct follow f = { 0 };
	struct pxe_vm_status status;
	struct reipl_error err;
	bool start_again = false, tty = isatty(STDERR_FILENO), stop = false, flipped = false;
	long timeout = DEFAULT_TIMEOUT;
	time_t started;
	struct sigaction sa = { 0 };

	(void)ctx;
	f.root = cli_tftp_root();
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":fh", longopts)) != -1) {
		switch (c) {
		case O_ROOT:
			f.root = optarg;
			break;
		case O_CONNECT:
			f.uri = optarg;
			break;
		case O_KERNEL:
			r.kernel = optarg;
			break;
		case O_INITRD:
			r.initrd = optarg;
			break;
		case O_APPEND:
			r.append = optarg;
			break;
		case O_TARGET:
			r.target = optarg;
			break;
		case O_METHOD:
			r.method = optarg;
			break;
		case O_PAYLOAD:
			r.payload = optarg;
			break;
		case 'f':
			r.force = true;
			break;
		case O_START_AGAIN:
			start_again = true;
			break;
		case O_TIMEOUT: {
			char *end;

			errno = 0;
			timeout = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || timeout <= 0 || timeout > 7 * 86400)
				return cli_error("reprovision: --timeout '%s' is not a number of "
						 "seconds (1 to 604800)",
						 optarg);
			break;
		}
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("reprovision", argv, c);
		}
	}
	if (optind - 1 >= argc)
		return cli_error("reprovision: no domain given");
	if (optind < argc)
		return cli_error("reprovision: one domain at a time ('%s' is a second)",
				 argv[optind]);
	f.domain = argv[optind - 1];
	if (!r.kernel || !r.initrd)
		return cli_error(
			"reprovision: --kernel and --initrd (the installer's) are required");

	/* Everything is checked before anything is written: libvirt, the domain, the entry. */
	if (pxe_events_open(f.uri, on_event, &f, &f.events, &err))
		return cli_error("reprovision: %s", err.msg);
	if (pxe_events_status(f.events, f.domain, &status, &err)) {
		pxe_events_close(f.events);
		return cli_error("reprovision: %s", err.msg);
	}
	memcpy(f.uuid, status.uuid, sizeof(f.uuid));
	if (cmd_pxe_write_guests("reprovision", f.root, f.uri, &r, &f.domain, 1)) {
		pxe_events_close(f.events);
		return EXIT_FAILURE;
	}
	fflush(stdout);

	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (pxe_events_cold_start(f.events, f.domain, &err)) {
		cli_error("reprovision: %s", err.msg);
		left(&f, &r, "it did not start");
		pxe_events_close(f.events);
		return EXIT_FAILURE;
	}
	printf("%s: started%s; following it until its installer ends\n", f.domain,
	       status.active ? " (destroyed first: a cold start)" : "");
	fflush(stdout);
	started = time(NULL);
	while (!stop) {
		if (interrupted) {
			if (tty)
				fputc('\n', stderr);
			left(&f, &r, "interrupted");
			break;
		}
		if (time(NULL) - started >= timeout) {
			if (tty)
				fputc('\n', stderr);
			left(&f, &r, "the time limit passed");
			break;
		}
		if (pxe_events_wait(f.events, &err)) {
			cli_error("reprovision: %s", err.msg);
			left(&f, &r, "libvirt stopped answering");
			break;
		}
		progress(&f, started, f.seen_start ? "installing" : "starting", tty);
		pxe_events_retry(f.events, f.root, false, on_retry, &f);
		if (f.retry_stopped) {
			left(&f, &r, "its entry was changed by someone else");
			break;
		}
		if (f.have_event) {
			f.have_event = false;
			if (tty)
				fputc('\n', stderr);
			printf("%s: %s after %lds\n", f.domain, pxe_vm_event_name(f.last),
			       (long)(time(NULL) - started));
			fflush(stdout);
			flipped = apply(&f, f.last, &stop);
		}
		if (flipped || f.retried_flip) {
			rc = EXIT_SUCCESS;
			if (f.last == PXE_VM_SHUTDOWN && start_again) {
				if (pxe_events_cold_start(f.events, f.domain, &err))
					rc = cli_error("reprovision: %s", err.msg);
				else
					printf("%s: started again: it boots its disk\n", f.domain);
			}
			break;
		}
		if (stop)
			left(&f, &r,
			     f.last == PXE_VM_DESTROYED ? "destroyed before its installer ended"
							: "its installer did not end");
	}
	pxe_events_close(f.events);
	return rc;
}
