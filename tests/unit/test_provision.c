// SPDX-License-Identifier: GPL-2.0
/*
 * test_provision.c - entries and definitions written all or none (lib/virt/provision.c)
 * against libvirt's test driver (test:///default, shared by this process's connections
 * while one stays open): when libvirt refuses a later domain's definition, the files and
 * the definitions written before it are put back, but a definition an admin made
 * meanwhile is left as it is, as a file changed meanwhile is.
 *
 * libvirt refusing, and an admin writing at that moment, are made to happen on cue:
 * pxe_libvirt_define and pxe_libvirt_domain_xml are wrapped (the link takes -Wl,--wrap, see
 * the Makefile).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <libvirt/libvirt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "pxe/plan.h"
#include "pxe/tree.h"
#include "virt/host.h"
#include "virt/libvirt.h"
#include "virt/provision.h"

#define URI "test:///default"

/* Two persistent domains the test driver accepts; --method host rewrites their boot order
 * and keeps what it changed in their metadata. */
static const char *const names[] = { "rs390x-prov-a", "rs390x-prov-b" };
static const char *const uuids[] = { "6a1f0c2e-4b3d-4e5f-8a7b-9c0d1e2f3a41",
				     "6a1f0c2e-4b3d-4e5f-8a7b-9c0d1e2f3a42" };
static const char *const macs[] = { "52:54:00:00:01:a1", "52:54:00:00:01:a2" };

/* The wrappers' cue: which call of pxe_libvirt_define is refused (0: none), whether an
 * admin redefines the first domain just before it, and which call of pxe_libvirt_domain_xml
 * fails (0: none). */
static int calls, refuse_call, reads, unread_call;
static bool admin_writes;
static virConnectPtr conn;

int __real_pxe_libvirt_define(const char *uri, const char *xml, struct reipl_error *err);
int __wrap_pxe_libvirt_define(const char *uri, const char *xml, struct reipl_error *err);

int __wrap_pxe_libvirt_define(const char *uri, const char *xml, struct reipl_error *err)
{
	if (++calls != refuse_call)
		return __real_pxe_libvirt_define(uri, xml, err);
	if (admin_writes) {
		virDomainPtr a = virDomainLookupByName(conn, names[0]);

		assert_non_null(a);
		assert_int_equal(virDomainSetMetadata(a, VIR_DOMAIN_METADATA_DESCRIPTION,
						      "set by the admin", NULL, NULL,
						      VIR_DOMAIN_AFFECT_CONFIG),
				 0);
		virDomainFree(a);
	}
	return reipl_fail(err, -EIO, "libvirt refused the domain: on cue");
}

int __real_pxe_libvirt_domain_xml(const char *uri, const char *uuid, char **xml,
				  struct reipl_error *err);
int __wrap_pxe_libvirt_domain_xml(const char *uri, const char *uuid, char **xml,
				  struct reipl_error *err);

int __wrap_pxe_libvirt_domain_xml(const char *uri, const char *uuid, char **xml,
				  struct reipl_error *err)
{
	if (++reads != unread_call)
		return __real_pxe_libvirt_domain_xml(uri, uuid, xml, err);
	*xml = NULL;
	return reipl_fail(err, -EIO, "libvirt did not answer: on cue");
}

static char *domain_xml(int i)
{
	char *xml;

	assert_true(asprintf(&xml,
			     "<domain type='test'><name>%s</name><uuid>%s</uuid>"
			     "<memory>65536</memory><os><type>hvm</type></os><devices>"
			     "<disk type='file' device='disk'><source file='/dev/null'/>"
			     "<target dev='vda' bus='virtio'/><boot order='2'/></disk>"
			     "<interface type='network'><source network='default'/>"
			     "<mac address='%s'/><boot order='1'/></interface>"
			     "</devices></domain>",
			     names[i], uuids[i], macs[i]) > 0);
	return xml;
}

static char *current(int i)
{
	virDomainPtr d = virDomainLookupByName(conn, names[i]);
	char *xml;

	assert_non_null(d);
	xml = virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE);
	assert_non_null(xml);
	virDomainFree(d);
	return xml;
}

/* The local entry by --method host for both domains, with the define numbered @refuse
 * refused; returns pxe_provision_write's result, the message in @err. */
static int write_both_unread(const char *root, int refuse, bool admin, int unread,
			     struct reipl_error *err)
{
	struct pxe_write_request local = { .local = true, .method = "host" };
	struct pxe_plan plans[2];
	struct pxe_tree t;
	int i, rc;

	memset(plans, 0, sizeof(plans));
	for (i = 0; i < 2; i++) {
		plans[i].given = names[i];
		assert_int_equal(pxe_guest_parse(uuids[i], &plans[i].g, err), 0);
		snprintf(plans[i].dom.uuid, sizeof(plans[i].dom.uuid), "%s", uuids[i]);
		plans[i].dom.persistent = true;
		plans[i].dom.net_first = true;
		plans[i].dom.disk_second = true;
	}
	calls = reads = 0;
	refuse_call = refuse;
	admin_writes = admin;
	unread_call = unread;
	assert_int_equal(pxe_tree_open(root, &t, err), 0);
	rc = pxe_provision_write(URI, &t, &local, plans, 2, err);
	pxe_tree_close(&t);
	unread_call = 0;
	return rc;
}

static int write_both(const char *root, int refuse, bool admin, struct reipl_error *err)
{
	return write_both_unread(root, refuse, admin, 0, err);
}

/* The first domain as setup defined it (a test before may have left it changed). */
static void define_plain_first(void)
{
	char *a = domain_xml(0);

	virDomainFree(virDomainDefineXML(conn, a));
	free(a);
}

struct lab {
	char *root;
	char *before[2];
};

static int setup(void **state)
{
	static char root[] = "/tmp/test-provision.XXXXXX";
	struct reipl_error err;
	struct lab *lab = calloc(1, sizeof(*lab));
	struct pxe_tree t;
	int i;

	conn = virConnectOpen(URI);
	if (!lab || !conn || !mkdtemp(root))
		return -1;
	lab->root = root;
	if (pxe_tree_open(root, &t, &err) || pxe_tree_create_cfg(&t, &err))
		return -1;
	pxe_tree_close(&t);
	for (i = 0; i < 2; i++) {
		char *xml = domain_xml(i);
		virDomainPtr d = virDomainDefineXML(conn, xml);

		free(xml);
		if (!d)
			return -1;
		virDomainFree(d);
		lab->before[i] = current(i);
	}
	*state = lab;
	return 0;
}

static int teardown(void **state)
{
	struct lab *lab = *state;
	char cmd[128];
	int i;

	for (i = 0; i < 2; i++) {
		virDomainPtr d = virDomainLookupByName(conn, names[i]);

		if (d) {
			virDomainUndefine(d);
			virDomainFree(d);
		}
		free(lab->before[i]);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", lab->root);
	if (system(cmd) != 0)
		return -1;
	virConnectClose(conn);
	free(lab);
	return 0;
}

static bool file_exists(const char *root, const char *uuid)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/pxelinux.cfg/%s", root, uuid);
	return access(path, F_OK) == 0;
}

/* The second definition refused: the first domain and both files are as they were. */
static void test_refused_puts_back(void **state)
{
	struct lab *lab = *state;
	struct reipl_error err;
	char *a, *b;

	assert_int_equal(write_both(lab->root, 2, false, &err), -EIO);
	assert_non_null(strstr(err.msg, "rs390x-prov-b"));
	assert_non_null(strstr(err.msg, "put back the files and definitions written before it"));
	a = current(0);
	b = current(1);
	assert_string_equal(a, lab->before[0]);
	assert_string_equal(b, lab->before[1]);
	assert_false(file_exists(lab->root, uuids[0]));
	assert_false(file_exists(lab->root, uuids[1]));
	free(a);
	free(b);
}

/* An admin redefined the first domain after ours: their definition stays, and the message
 * says that one definition was not put back, and why. */
static void test_admins_definition_kept(void **state)
{
	struct lab *lab = *state;
	struct reipl_error err;
	char *a, *b;

	assert_int_equal(write_both(lab->root, 2, true, &err), -EIO);
	assert_non_null(strstr(err.msg, "1 definition and 0 files could not be put back"));
	assert_non_null(strstr(err.msg, "domain 'rs390x-prov-a' changed meanwhile: left as it is"));
	a = current(0);
	b = current(1);
	assert_non_null(strstr(a, "<description>set by the admin</description>"));
	assert_int_equal(pxe_host_state_of(a), PXE_HOST_LOCAL); /* ours, under theirs */
	assert_string_equal(b, lab->before[1]);
	assert_false(file_exists(lab->root, uuids[0]));
	free(a);
	free(b);
}

/* Our definition of the first domain could not be read back (reads: the two old ones, then
 * that one): with nothing to compare, it is left as it is, and the message says why. */
static void test_unread_definition_left(void **state)
{
	struct lab *lab = *state;
	struct reipl_error err;
	char *a;

	define_plain_first();
	assert_int_equal(write_both_unread(lab->root, 2, false, 3, &err), -EIO);
	assert_non_null(strstr(err.msg, "1 definition and 0 files could not be put back"));
	assert_non_null(strstr(err.msg, "domain 'rs390x-prov-a' could not be read back after our "
					"definition: left as it is"));
	a = current(0);
	assert_int_equal(pxe_host_state_of(a), PXE_HOST_LOCAL);
	assert_false(file_exists(lab->root, uuids[0]));
	free(a);
}

/* Nothing refused: both definitions follow their entries, both files are written. */
static void test_all_written(void **state)
{
	struct lab *lab = *state;
	struct reipl_error err;
	char *a, *b;

	define_plain_first();
	assert_int_equal(write_both(lab->root, 0, false, &err), 0);
	a = current(0);
	b = current(1);
	assert_int_equal(pxe_host_state_of(a), PXE_HOST_LOCAL);
	assert_int_equal(pxe_host_state_of(b), PXE_HOST_LOCAL);
	assert_true(file_exists(lab->root, uuids[0]));
	assert_true(file_exists(lab->root, uuids[1]));
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_puts_back),
		cmocka_unit_test(test_admins_definition_kept),
		cmocka_unit_test(test_unread_definition_left),
		cmocka_unit_test(test_all_written),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
