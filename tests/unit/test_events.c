// SPDX-License-Identifier: GPL-2.0
/*
 * test_events.c - the install-once event path (lib/pxe/events.c) against libvirt's own
 * test driver (test:///default, in this process): real lifecycle events, no QEMU, in
 * milliseconds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libvirt/libvirt.h>

#include "fixture.h"
#include "pxe/entry.h"
#include "virt/events.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"

/* The events delivered, as the watch receives them. */
struct seen {
	char name[64], uuid[37];
	enum pxe_vm_event ev;
	int count;
};

static void on_event(void *arg, const char *name, const char *uuid, enum pxe_vm_event ev)
{
	struct seen *s = arg;

	snprintf(s->name, sizeof(s->name), "%s", name);
	snprintf(s->uuid, sizeof(s->uuid), "%s", uuid);
	s->ev = ev;
	s->count++;
}

/* Wait (a few seconds at most) for event number @count. */
static void pump(struct pxe_events *e, struct seen *s, int count)
{
	struct reipl_error err;
	int i;

	for (i = 0; i < 40 && s->count < count; i++)
		assert_int_equal(pxe_events_wait(e, &err), 0);
	assert_int_equal(s->count, count);
}

/* The state of pxelinux.cfg/@name in @root. */
static enum pxe_once_state state_of(const char *root, const char *name, bool *local)
{
	char text[PXE_CFG_BUFFER];
	struct reipl_error err;
	struct pxe_tree t;
	size_t size;

	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_read(&t, name, text, sizeof(text), &size, &err), 0);
	pxe_tree_close(&t);
	text[size < sizeof(text) ? size : sizeof(text) - 1] = '\0';
	*local = strstr(text, "# reboot-s390x: local") != NULL;
	return pxe_once_state(text, size);
}

/* An installer's entry into @install, and the install-once file made of it into @once. */
static void once_entry(char install[PXE_FILE_MAX], char once[PXE_CFG_BUFFER])
{
	char local[PXE_FILE_MAX];
	struct reipl_error err;

	assert_int_equal(pxe_entry_install("inst/vmlinuz", "inst/initrd.img", "console=ttysclp0",
					   install, PXE_FILE_MAX, &err),
			 0);
	assert_int_equal(pxe_entry_local("ccw 0.0.0002", "reboot-kernel.img", "reboot-initrd.img",
					 NULL, local, sizeof(local), &err),
			 0);
	assert_int_equal(pxe_once_compose(install, local, once, PXE_CFG_BUFFER, &err), 0);
}

/*
 * A transient domain, known by its MAC: its install-once file turns local when the
 * installer shuts the guest down, though the domain is gone with its stop and libvirt
 * can no longer say which MACs it had (issue 23, item 2).
 */
static void test_transient_domain_by_mac(void **state)
{
	static const char xml[] =
		"<domain type='test'><name>rs390x-transient</name>"
		"<uuid>3e0d7b1a-9c2f-4e6d-8a5b-1f2e3d4c5b6a</uuid><memory>65536</memory>"
		"<os><type>hvm</type></os><devices><interface type='network'>"
		"<source network='default'/><mac address='52:54:00:00:00:c3'/></interface>"
		"</devices></domain>";
	char root[] = "/tmp/test-events.XXXXXX", install[PXE_FILE_MAX],
	     once[PXE_CFG_BUFFER];
	const char *file = "01-52-54-00-00-00-c3";
	struct pxe_once_change changes[4];
	enum pxe_settle_restart restart;
	struct reipl_error err;
	struct pxe_events *e;
	struct seen seen = { 0 };
	struct pxe_tree t;
	virConnectPtr conn;
	virDomainPtr dom;
	bool changed, is_local;

	(void)state;
	once_entry(install, once);
	assert_non_null(mkdtemp(root));
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, file, once, strlen(once), &changed, &err), 0);
	pxe_tree_close(&t);

	assert_int_equal(pxe_events_open("test:///default", on_event, &seen, &e, &err), 0);
	conn = virConnectOpen("test:///default");
	assert_non_null(conn);
	dom = virDomainCreateXML(conn, xml, 0);
	assert_non_null(dom);
	pump(e, &seen, 1);
	assert_int_equal(seen.ev, PXE_VM_STARTED);
	assert_int_equal(pxe_events_settle(e, root, seen.name, seen.uuid, seen.ev, changes, 4,
					   &restart, &err),
			 1);
	assert_int_equal(state_of(root, file, &is_local), PXE_ONCE_STARTED);

	/* The installer shuts the guest down: the transient domain is gone with it. */
	assert_int_equal(virDomainShutdown(dom), 0);
	pump(e, &seen, 2);
	assert_int_equal(seen.ev, PXE_VM_SHUTDOWN);
	assert_null(virDomainLookupByName(conn, "rs390x-transient"));
	assert_int_equal(pxe_events_settle(e, root, seen.name, seen.uuid, seen.ev, changes, 4,
					   &restart, &err),
			 1);
	assert_int_equal(changes[0].action, PXE_ONCE_FLIP);
	assert_int_equal(state_of(root, file, &is_local), PXE_ONCE_NONE);
	assert_true(is_local);

	virDomainFree(dom);
	virConnectClose(conn);
	pxe_events_close(e);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_remove(&t, file, &err), 0);
	pxe_tree_close(&t);
	fixture_remove(strdup(root));
}

/* What pxe_events_retry reported. */
struct retried {
	int count, failed;
	struct pxe_once_change last;
};

static void on_retry(void *arg, const char *name, const char *when,
		     const struct pxe_once_change *c)
{
	struct retried *r = arg;

	(void)name, (void)when;
	r->count++;
	r->failed += c->rc != 0;
	r->last = *c;
}

/* Take (or free, with @take false) every temporary name the tree's writer would try for
 * pxelinux.cfg/@file, so that writing it fails as on a full disk. */
static void block_writes(const char *root, const char *file, bool take)
{
	char path[4200];
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "%s/pxelinux.cfg/.%s.%ld.%d", root, file,
			 (long)getpid(), i);
		assert_int_equal(take ? mkdir(path, 0700) : rmdir(path), 0);
	}
}

/*
 * The write that turns an entry local fails (issue 23, item 6): it is remembered and tried
 * again until it works; once someone else has rewritten the file, it is dropped and
 * their file stays.
 */
static void test_failed_flip_is_tried_again(void **state)
{
	static const char xml[] =
		"<domain type='test'><name>rs390x-retry</name>"
		"<uuid>7a1e5c3b-2d4f-4b6a-9e8d-0c1b2a3f4e5d</uuid><memory>65536</memory>"
		"<os><type>hvm</type></os><devices><interface type='network'>"
		"<source network='default'/><mac address='52:54:00:00:00:d4'/></interface>"
		"</devices></domain>";
	char root[] = "/tmp/test-events.XXXXXX", install[PXE_FILE_MAX],
	     once[PXE_CFG_BUFFER], text[PXE_CFG_BUFFER];
	const char *file = "01-52-54-00-00-00-d4";
	struct pxe_once_change changes[PXE_SETTLE_CHANGES_MAX];
	enum pxe_settle_restart restart;
	struct retried retried = { 0 };
	struct reipl_error err;
	struct pxe_events *e;
	struct seen seen = { 0 };
	struct pxe_tree t;
	virConnectPtr conn;
	virDomainPtr dom;
	bool changed, is_local;
	size_t size;
	int round;

	(void)state;
	once_entry(install, once);
	assert_non_null(mkdtemp(root));
	assert_int_equal(pxe_events_open("test:///default", on_event, &seen, &e, &err), 0);
	conn = virConnectOpen("test:///default");
	assert_non_null(conn);
	/* Round 0: the write works again later. Round 1: an admin rewrites the file first. */
	for (round = 0; round < 2; round++) {
		assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
		assert_int_equal(pxe_tree_write(&t, file, once, strlen(once), &changed, &err), 0);
		pxe_tree_close(&t);
		dom = virDomainCreateXML(conn, xml, 0);
		assert_non_null(dom);
		pump(e, &seen, 2 * round + 1);
		assert_int_equal(pxe_events_settle(e, root, seen.name, seen.uuid, seen.ev, changes,
						   PXE_SETTLE_CHANGES_MAX, &restart, &err),
				 1);
		assert_int_equal(state_of(root, file, &is_local), PXE_ONCE_STARTED);

		block_writes(root, file, true);
		assert_int_equal(virDomainShutdown(dom), 0);
		pump(e, &seen, 2 * round + 2);
		assert_int_equal(pxe_events_settle(e, root, seen.name, seen.uuid, seen.ev, changes,
						   PXE_SETTLE_CHANGES_MAX, &restart, &err),
				 1);
		assert_int_equal(changes[0].action, PXE_ONCE_FLIP);
		assert_int_equal(changes[0].rc, -EEXIST);
		assert_int_equal(pxe_events_pending(e), 1);
		assert_int_equal(state_of(root, file, &is_local), PXE_ONCE_STARTED);
		/* still failing: still due */
		assert_int_equal(pxe_events_retry(e, root, true, on_retry, &retried), 1);
		assert_int_equal(retried.failed, round + 1);
		assert_int_equal(pxe_events_pending(e), 1);
		block_writes(root, file, false);
		if (round == 1) {
			assert_int_equal(pxe_tree_open(root, &t, &err), 0);
			assert_int_equal(pxe_tree_write(&t, file, install, strlen(install),
							&changed, &err),
					 0);
			pxe_tree_close(&t);
		}
		assert_int_equal(pxe_events_retry(e, root, true, on_retry, &retried), 1);
		assert_int_equal(pxe_events_pending(e), 0);
		assert_int_equal(pxe_tree_open(root, &t, &err), 0);
		assert_int_equal(pxe_tree_read(&t, file, text, sizeof(text), &size, &err), 0);
		pxe_tree_close(&t);
		text[size] = '\0';
		if (round == 0) {
			assert_int_equal(retried.last.rc, 0);
			assert_int_equal(retried.last.action, PXE_ONCE_FLIP);
			assert_int_equal(state_of(root, file, &is_local), PXE_ONCE_NONE);
			assert_true(is_local);
		} else {
			assert_int_equal(retried.last.rc, -ESTALE);
			assert_string_equal(text, install);
		}
		virDomainFree(dom);
	}
	virConnectClose(conn);
	pxe_events_close(e);
	fixture_remove(strdup(root));
}

static void count_change(void *arg, const char *name, const char *when,
			 const struct pxe_once_change *c)
{
	(void)name, (void)when;
	*(int *)arg += c->action == PXE_ONCE_FLIP && c->rc == 0;
}

/*
 * The installer shut its guest down while no watch ran (the watch is restarted by its
 * unit after libvirtd restarts): at its start the watch reads libvirt's state and its
 * reason, and turns the entry local; a guest destroyed meanwhile keeps it (issue 23,
 * item 6).
 */
static void test_reconcile_after_a_gap(void **state)
{
	static const char *const names[] = { "rs390x-gap-shutdown", "rs390x-gap-destroyed" };
	static const char *const macs[] = { "52:54:00:00:00:e1", "52:54:00:00:00:e2" };
	static const char *const files[] = { "01-52-54-00-00-00-e1", "01-52-54-00-00-00-e2" };
	char root[] = "/tmp/test-events.XXXXXX", install[PXE_FILE_MAX], once[PXE_CFG_BUFFER],
	     started[PXE_CFG_BUFFER], xml[512];
	virDomainPtr doms[2];
	struct reipl_error err;
	struct pxe_events *e;
	struct seen seen = { 0 };
	struct pxe_tree t;
	virConnectPtr conn;
	bool changed, is_local;
	size_t ndomains;
	int i, flipped = 0;

	(void)state;
	once_entry(install, once);
	assert_int_equal(pxe_once_mark_started(once, strlen(once), started, sizeof(started), &err),
			 0);
	assert_non_null(mkdtemp(root));
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	conn = virConnectOpen("test:///default");
	assert_non_null(conn);
	for (i = 0; i < 2; i++) {
		assert_int_equal(pxe_tree_write(&t, files[i], started, strlen(started), &changed,
						&err),
				 0);
		snprintf(xml, sizeof(xml),
			 "<domain type='test'><name>%s</name><memory>65536</memory><os><type>hvm"
			 "</type></os><devices><interface type='network'><source "
			 "network='default'/><mac address='%s'/></interface></devices></domain>",
			 names[i], macs[i]);
		doms[i] = virDomainDefineXML(conn, xml);
		assert_non_null(doms[i]);
		assert_int_equal(virDomainCreate(doms[i]), 0);
	}
	pxe_tree_close(&t);
	/* while nobody watched */
	assert_int_equal(virDomainShutdown(doms[0]), 0);
	assert_int_equal(virDomainDestroy(doms[1]), 0);
	assert_int_equal(pxe_events_open("test:///default", on_event, &seen, &e, &err), 0);
	assert_true(pxe_events_reconcile(e, root, count_change, &flipped, &ndomains, &err) >= 2);
	assert_int_equal(flipped, 1);
	assert_int_equal(state_of(root, files[0], &is_local), PXE_ONCE_NONE);
	assert_true(is_local);
	assert_int_equal(state_of(root, files[1], &is_local), PXE_ONCE_STARTED);
	for (i = 0; i < 2; i++) {
		assert_int_equal(virDomainUndefine(doms[i]), 0);
		virDomainFree(doms[i]);
	}
	pxe_events_close(e);
	virConnectClose(conn);
	fixture_remove(strdup(root));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transient_domain_by_mac),
		cmocka_unit_test(test_failed_flip_is_tried_again),
		cmocka_unit_test(test_reconcile_after_a_gap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
