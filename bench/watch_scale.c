// SPDX-License-Identifier: GPL-2.0
/*
 * watch_scale.c - the watch's install-once path at scale, in one process against
 * libvirt's own test driver (test:///default): N running domains, each with an
 * install-once file under its MAC marked started, as a hypervisor with N installs under
 * way. Measures what `watch` does with them:
 *
 *   reconcile  the start-up pass over every domain and its files (pxe_events_reconcile)
 *   event      from a guest's shutdown (the installer's end) to its file renamed local,
 *              through libvirt's event loop and pxe_events_settle; median and p99 of N
 *   memory     the process's peak resident set (VmHWM) after the run
 *
 * Usage: build/bench/watch-scale [N...]     (default: 10 1000)
 * The first N is the baseline: every other N is also printed as a ratio to it, per
 * domain, so that what grows faster than the number of domains shows. It asserts nothing
 * (bench/ never does): a run on a busy machine is slower, the ratios less so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libvirt/libvirt.h>

#include "pxe/entry.h"
#include "pxe/once.h"
#include "pxe/tree.h"
#include "virt/events.h"

struct run {
	int n;
	double reconcile_ms, median_ms, p99_ms, rss_mb;
};

/* What the event callback saw: the last event, and when it was settled. */
struct follower {
	struct pxe_events *events;
	const char *root;
	int settled, flipped;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "watch-scale: %s\n", what);
	exit(1);
}

static void on_event(void *arg, const char *name, const char *uuid, enum pxe_vm_event ev)
{
	struct pxe_once_change changes[PXE_SETTLE_CHANGES_MAX];
	struct follower *f = arg;
	enum pxe_settle_restart restart;
	struct reipl_error err;
	int n, i;

	n = pxe_events_settle(f->events, f->root, name, uuid, ev, changes, PXE_SETTLE_CHANGES_MAX,
			      &restart, &err);
	for (i = 0; i < n; i++)
		f->flipped += changes[i].action == PXE_ONCE_FLIP && changes[i].rc == 0;
	f->settled++;
}

static void on_change(void *arg, const char *name, const char *when,
		      const struct pxe_once_change *c)
{
	(void)arg, (void)name, (void)when, (void)c;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double peak_rss_mb(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	double kb = 0;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %lf kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb / 1024;
}

/* An install-once file marked started, for the guest with MAC number @i. */
static void write_entry(const struct pxe_tree *t, int i)
{
	char install[PXE_FILE_MAX], local[PXE_FILE_MAX], once[PXE_CFG_BUFFER],
		started[PXE_CFG_BUFFER], name[64];
	struct reipl_error err;
	bool changed;

	if (pxe_entry_install("inst/vmlinuz", "inst/initrd.img", "console=ttysclp0", install,
			      sizeof(install), &err) ||
	    pxe_entry_local("ccw 0.0.0002", "reboot-kernel.img", "reboot-initrd.img", NULL, local,
			    sizeof(local), &err) ||
	    pxe_once_compose(install, local, once, sizeof(once), &err) ||
	    pxe_once_mark_started(once, strlen(once), started, sizeof(started), &err))
		die(err.msg);
	snprintf(name, sizeof(name), "01-52-54-00-%02x-%02x-%02x", (i >> 16) & 0xff,
		 (i >> 8) & 0xff, i & 0xff);
	if (pxe_tree_write(t, name, started, strlen(started), &changed, &err))
		die(err.msg);
}

static void measure(int n, int round, struct run *r)
{
	char root[] = "/tmp/watch-scale.XXXXXX", xml[1024], cmd[64];
	struct follower f = { 0 };
	struct reipl_error err;
	virDomainPtr *doms = calloc((size_t)n, sizeof(*doms));
	double *lat = calloc((size_t)n, sizeof(*lat)), t0;
	virConnectPtr conn;
	struct pxe_tree t;
	size_t ndomains;
	int i, files;

	if (!doms || !lat || !mkdtemp(root))
		die("cannot set up");
	if (pxe_tree_open(root, &t, &err) || pxe_tree_create_cfg(&t, &err))
		die(err.msg);
	for (i = 0; i < n; i++)
		write_entry(&t, i);
	pxe_tree_close(&t);
	f.root = root;
	if (pxe_events_open("test:///default", on_event, &f, &f.events, &err))
		die(err.msg);
	if (!(conn = virConnectOpen("test:///default")))
		die("cannot open test:///default");
	for (i = 0; i < n; i++) {
		snprintf(xml, sizeof(xml),
			 "<domain type='test'><name>scale-%d-%d</name><memory>65536</memory>"
			 "<os><type>hvm</type></os><devices><interface type='network'>"
			 "<source network='default'/><mac address='52:54:00:%02x:%02x:%02x'/>"
			 "</interface></devices></domain>",
			 round, i, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
		if (!(doms[i] = virDomainCreateXML(conn, xml, 0)))
			die("cannot create a test domain");
	}
	/* (their start events: not the measure, drained first) */
	while (f.settled < n)
		if (pxe_events_wait(f.events, &err))
			die(err.msg);
	t0 = now_ms();
	files = pxe_events_reconcile(f.events, root, on_change, NULL, &ndomains, &err);
	r->reconcile_ms = now_ms() - t0;
	if (files != n)
		die("reconcile did not find every install-once file");
	for (i = 0; i < n; i++) {
		int before = f.settled;

		t0 = now_ms();
		if (virDomainShutdown(doms[i]) != 0)
			die("cannot shut a test domain down");
		while (f.settled == before)
			if (pxe_events_wait(f.events, &err))
				die(err.msg);
		lat[i] = now_ms() - t0;
		virDomainFree(doms[i]);
	}
	if (f.flipped != n)
		die("not every entry turned local");
	qsort(lat, (size_t)n, sizeof(*lat), by_value);
	r->n = n;
	r->median_ms = lat[n / 2];
	r->p99_ms = lat[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1];
	r->rss_mb = peak_rss_mb();
	virConnectClose(conn);
	pxe_events_close(f.events);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	if (system(cmd) != 0)
		die("cannot remove the scratch tree");
	free(doms);
	free(lat);
}

int main(int argc, char **argv)
{
	static const int defaults[] = { 10, 1000 };
	int count = argc > 1 ? argc - 1 : 2, i;
	struct run *runs = calloc((size_t)count, sizeof(*runs));

	if (!runs)
		die("out of memory");
	for (i = 0; i < count; i++) {
		int n = argc > 1 ? atoi(argv[i + 1]) : defaults[i];

		if (n < 1 || n > 65535)
			die("N is 1 to 65535 domains");
		measure(n, i, &runs[i]);
		printf("N=%-6d reconcile %8.1f ms (%.3f ms/domain)  event->rename median %6.2f ms "
		       "p99 %6.2f ms  peak RSS %6.1f MB",
		       n, runs[i].reconcile_ms, runs[i].reconcile_ms / n, runs[i].median_ms,
		       runs[i].p99_ms, runs[i].rss_mb);
		if (i > 0)
			printf("  | vs N=%d: reconcile/domain x%.2f, median x%.2f, p99 x%.2f",
			       runs[0].n, (runs[i].reconcile_ms / n) / (runs[0].reconcile_ms / runs[0].n),
			       runs[i].median_ms / runs[0].median_ms, runs[i].p99_ms / runs[0].p99_ms);
		printf("\n");
		fflush(stdout);
	}
	free(runs);
	return 0;
}
