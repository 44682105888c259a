// SPDX-License-Identifier: GPL-2.0
/*
 * test_host.c - --method host: a domain definition that follows its entry (lib/virt/host.c)
 * on the XML of libvirt 9.0 and of the newest libvirt (tests/fixtures/libvirt/README),
 * boot-order handing such a domain back, and the planner's rules for the method.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "pxe/entry.h"
#include "pxe/method.h"
#include "pxe/plan.h"
#include "pxe/pxecfg.h"
#include "virt/domain.h"
#include "virt/host.h"
#include "virt/libvirt.h"

static char *load(const char *name)
{
	char path[512];
	FILE *f;
	char *text = calloc(1, 65536);
	size_t n;

	snprintf(path, sizeof(path), "%s/libvirt/%s",
		 getenv("FIXTURE_DIR") ? getenv("FIXTURE_DIR") : "tests/fixtures", name);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(text);
	n = fread(text, 1, 65535, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

/* @xml set for @to; asserts success and whether it changed. */
static char *to(const char *xml, enum pxe_host_state state, bool changes)
{
	struct reipl_error err = { 0 };
	char *out = NULL;
	bool changed;
	int rc = pxe_host_xml(xml, state, &out, &changed, &err);

	if (rc)
		print_message("%s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_non_null(out);
	assert_int_equal(changed, changes);
	return out;
}

static struct pxe_domain facts(const char *xml)
{
	struct pxe_domain d;

	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(xml, &d);
	return d;
}

/* The text of the first <@tag ...>...</@tag> element of @xml after @from, into a static
 * buffer ("" when there is none). */
static const char *element(const char *xml, const char *tag, const char *from)
{
	static char buf[4096];
	char open[64], close[64];
	const char *a, *b;

	snprintf(open, sizeof(open), "<%s", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	a = strstr(from ? strstr(xml, from) : xml, open);
	b = a ? strstr(a, close) : NULL;
	buf[0] = '\0';
	if (a && b)
		snprintf(buf, sizeof(buf), "%.*s", (int)(b - a), a);
	return buf;
}

static void test_lab_9_0_cycle(void **state)
{
	char *orig = load("lab-9.0-secure.xml"), *install, *again, *local, *back, *none;
	struct pxe_domain d;

	(void)state;
	d = facts(orig);
	assert_int_equal(d.ipl_mode, PXE_IPL_SECURE);
	assert_int_equal(d.host, PXE_HOST_NONE);

	/* The installer: network first, secure IPL off, the admin's settings kept. */
	install = to(orig, PXE_HOST_INSTALL, true);
	d = facts(install);
	assert_true(d.net_first && d.disk_second);
	assert_int_equal(d.ipl_mode, PXE_IPL_NORMAL);
	assert_int_equal(d.host, PXE_HOST_INSTALL);
	assert_int_equal(pxe_host_state_of(install), PXE_HOST_INSTALL);
	assert_non_null(strstr(install, "<qemu:arg value=\"-d\"/>"));
	assert_non_null(strstr(install, "<qemu:arg value=\"guest_errors\"/>"));
	assert_null(strstr(install, "<qemu:arg value=\"-machine\"/>"));
	assert_non_null(strstr(install, "<other:x xmlns:other=\"http://example.org/other\""));
	/* (kept as text in the metadata, where QEMU never sees it) */
	assert_non_null(strstr(install, "secure-boot=on,boot-certs.0.path=/etc/certs/a.pem"));
	assert_null(strstr(element(install, "qemu:commandline", NULL), "secure-boot"));

	again = to(install, PXE_HOST_INSTALL, false);

	/* The disk alone, secure IPL as the admin had it. */
	local = to(install, PXE_HOST_LOCAL, true);
	d = facts(local);
	assert_false(d.net_first);
	assert_int_equal(d.ipl_mode, PXE_IPL_SECURE);
	assert_int_equal(d.host, PXE_HOST_LOCAL);
	assert_null(strstr(element(local, "interface", NULL), "<boot"));
	assert_non_null(strstr(element(local, "disk", NULL), "<boot order=\"1\"/>"));
	assert_non_null(strstr(element(local, "qemu:commandline", NULL),
			       "<qemu:arg value=\"-machine\"/>\n    <qemu:arg "
			       "value=\"secure-boot=on,boot-certs.0.path=/etc/certs/a.pem\"/>"));
	assert_null(strstr(element(local, "metadata", NULL), "secure-boot"));
	free(to(local, PXE_HOST_LOCAL, false));

	/* Round and round: the same two definitions. */
	back = to(local, PXE_HOST_INSTALL, true);
	assert_string_equal(back, install);
	free(back);
	back = to(install, PXE_HOST_LOCAL, true);
	assert_string_equal(back, local);

	/* Handed back: no trace of reboot-s390x, the other tool's metadata stays. */
	none = to(local, PXE_HOST_NONE, true);
	assert_null(strstr(none, PXE_HOST_NS));
	assert_non_null(strstr(none, "http://example.org/other"));
	assert_int_equal(facts(none).ipl_mode, PXE_IPL_SECURE);
	free(none);
	none = to(install, PXE_HOST_NONE, true);
	assert_int_equal(facts(none).ipl_mode, PXE_IPL_SECURE);
	assert_null(strstr(none, PXE_HOST_NS));
	free(none);
	free(orig), free(install), free(again), free(local), free(back);
}

static void test_newest_loadparm_certs(void **state)
{
	char *orig = load("newest-loadparm-certs.xml"), *install, *local, *first, *again, *none;
	struct pxe_domain d;

	(void)state;
	assert_int_equal(facts(orig).ipl_mode, PXE_IPL_AUDIT);
	install = to(orig, PXE_HOST_INSTALL, true);
	d = facts(install);
	assert_true(d.net_first && d.disk_second);
	assert_string_equal(d.loadparm, "2.LP");
	assert_int_equal(d.ipl_mode, PXE_IPL_NORMAL);
	assert_null(strstr(element(install, "os", NULL), "boot-certs"));
	/* The second disk keeps its place after the first; the second interface boots never. */
	assert_non_null(strstr(install, "<boot order=\"3\" loadparm=\"2\"/>"));
	assert_null(strstr(element(install, "interface", "br-data"), "<boot"));

	local = to(install, PXE_HOST_LOCAL, true);
	d = facts(local);
	assert_false(d.net_first);
	assert_int_equal(d.ipl_mode, PXE_IPL_AUDIT);
	assert_non_null(strstr(element(local, "os", NULL),
			       "<cert path=\"/etc/qemu/certs/distro-signing.pem\"/>"));
	assert_non_null(strstr(local, "<boot order=\"1\" loadparm=\"1\"/>"));
	assert_non_null(strstr(local, "<boot order=\"2\" loadparm=\"2\"/>"));
	assert_null(strstr(element(local, "interface", NULL), "<boot"));
	/* The interface's loadparm waits in the metadata for the next install. */
	assert_non_null(strstr(element(local, "metadata", NULL), "loadparm=\"2.LP\""));
	again = to(local, PXE_HOST_INSTALL, true);
	assert_string_equal(facts(again).loadparm, "2.LP");
	assert_string_equal(again, install);

	/* From local straight away: install and local again give the same definition. */
	first = to(orig, PXE_HOST_LOCAL, true);
	assert_int_equal(facts(first).ipl_mode, PXE_IPL_AUDIT);
	free(again);
	free(install);
	install = to(first, PXE_HOST_INSTALL, true);
	again = to(install, PXE_HOST_LOCAL, true);
	assert_string_equal(again, first);

	/* Handed back from local: the loadparm is the interface's again. */
	none = to(first, PXE_HOST_NONE, true);
	assert_null(strstr(none, "<metadata"));
	assert_non_null(strstr(element(none, "interface", NULL), "loadparm=\"2.LP\""));
	free(orig), free(install), free(local), free(first), free(again), free(none);
}

static void test_boot_order_hands_back(void **state)
{
	char *orig = load("lab-9.0-secure.xml"), *local, *install, *out = NULL;
	struct reipl_error err;
	bool changed;

	(void)state;
	/* Secure IPL comes back with the admin's settings, and refuses the network. */
	local = to(orig, PXE_HOST_LOCAL, true);
	install = to(orig, PXE_HOST_INSTALL, true);
	assert_int_equal(pxe_domain_boot_order_xml(install, &out, &changed, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "secure IPL"));
	assert_null(out);
	free(local);
	free(install);
	free(orig);

	/* Without secure IPL: the domain is handed back, network then disk, loadparm kept. */
	orig = load("newest-loadparm-certs.xml");
	{
		char *plain = strdup(orig);
		char *a = strstr(plain, "<boot-certs>"), *b = strstr(plain, "</boot-certs>");

		memset(a, ' ', (size_t)(b + strlen("</boot-certs>") - a));
		local = to(plain, PXE_HOST_LOCAL, true);
		assert_int_equal(pxe_domain_boot_order_xml(local, &out, &changed, &err), 0);
		assert_true(changed);
		assert_null(strstr(out, PXE_HOST_NS));
		assert_true(facts(out).net_first && facts(out).disk_second);
		assert_string_equal(facts(out).loadparm, "2.LP");
		free(plain);
	}
	free(out);
	free(local);
	free(orig);
}

static void test_refusals(void **state)
{
	static const char no_net[] = "<domain type='kvm'><name>x</name><devices><disk "
				     "type='file' device='disk'/></devices></domain>";
	static const char bad_stash[] =
		"<domain type='kvm'><name>x</name><metadata><r:host xmlns:r='" PXE_HOST_NS
		"' state='install'><r:secure>&lt;not-a-stash/&gt;</r:secure></r:host></metadata>"
		"<os><type arch='s390x'>hvm</type></os><devices><disk type='file' device='disk'/>"
		"<interface type='network'><boot order='1'/></interface></devices></domain>";
	struct reipl_error err;
	char *out = NULL;
	bool changed;

	(void)state;
	assert_int_equal(pxe_host_xml(no_net, PXE_HOST_INSTALL, &out, &changed, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "no network interface"));
	assert_int_equal(pxe_host_xml("<network/>", PXE_HOST_LOCAL, &out, &changed, &err),
			 -EINVAL);
	assert_int_equal(pxe_host_xml(bad_stash, PXE_HOST_LOCAL, &out, &changed, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "cannot be read"));
	assert_null(out);
	/* Installing again keeps the stash as it is: nothing to read. */
	assert_int_equal(pxe_host_xml(bad_stash, PXE_HOST_INSTALL, &out, &changed, &err), 0);
	free(out);
}

/* A machine option longer than any buffer keeps every property that is not secure IPL's. */
static void test_long_machine_option(void **state)
{
	char xml[4096], opt[2100], *out;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		memcpy(opt + 2 * i, "a,", 2);
	snprintf(opt + 2000, sizeof(opt) - 2000, "keep=1");
	snprintf(xml, sizeof(xml),
		 "<domain type='kvm' xmlns:qemu='" DOMAIN_XML_QEMU_NS "'><name>x</name>"
		 "<devices><disk type='file' device='disk'/><interface type='network'/>"
		 "</devices><qemu:commandline><qemu:arg value='-machine'/><qemu:arg "
		 "value='secure-boot=on,%s,boot-certs.0.path=/c'/></qemu:commandline></domain>",
		 opt);
	out = to(xml, PXE_HOST_INSTALL, true);
	snprintf(xml, sizeof(xml), "<qemu:arg value=\"%s\"/>", opt);
	assert_non_null(strstr(out, xml));
	assert_int_equal(facts(out).ipl_mode, PXE_IPL_NORMAL);
	free(out);
}

/* A temporary root with pxelinux.cfg/, and one guest planned in it. */
static int plan(const struct pxe_write_request *r, const struct pxe_domain *dom,
		struct pxe_plan *p, struct reipl_error *err)
{
	char tmpl[] = "/tmp/rs390x-host.XXXXXX";
	char *root = mkdtemp(tmpl);
	struct pxe_tree t;
	int rc;

	assert_non_null(root);
	memset(p, 0, sizeof(*p));
	p->given = "zguest";
	p->dom = *dom;
	assert_int_equal(pxe_guest_parse(dom->uuid[0] ? dom->uuid : "52:54:00:3a:10:01", &p->g,
					 err),
			 0);
	assert_int_equal(pxe_tree_open(root, &t, err), 0);
	rc = pxe_plan_entry(&t, r, p, err);
	pxe_tree_close(&t);
	rmdir(root);
	return rc;
}

static void test_planner(void **state)
{
	struct pxe_domain dom = { .uuid = "5e0b7a52-3c1d-4f0e-9a51-2f7d6c0e8a11",
				  .persistent = true,
				  .net_first = true,
				  .disk_second = true };
	struct pxe_write_request local = { .local = true }, install = {
		.kernel = "d-i/linux",
		.initrd = "d-i/initrd.gz",
	};
	struct pxe_summary sum;
	struct reipl_error err;
	struct pxe_cfg cfg;
	struct pxe_plan p;

	(void)state;
	/* Secure IPL: auto is host, for the local entry and for a plain install. */
	dom.ipl_mode = PXE_IPL_SECURE;
	assert_int_equal(plan(&local, &dom, &p, &err), 0);
	assert_int_equal(p.method, PXE_METHOD_HOST);
	assert_int_equal(p.host_to, PXE_HOST_LOCAL);
	pxe_cfg_parse(p.text, strlen(p.text), strlen(p.text), PXE_FW_10_1, &cfg);
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_LOCAL);
	assert_int_equal(sum.method, PXE_METHOD_HOST);
	assert_int_equal(cfg.count, 0);
	assert_int_equal(plan(&install, &dom, &p, &err), 0);
	assert_int_equal(p.host_to, PXE_HOST_INSTALL);
	install.once = true;
	assert_int_equal(plan(&install, &dom, &p, &err), 0);
	assert_int_equal(p.host_to, PXE_HOST_INSTALL);
	assert_int_equal(p.method, PXE_METHOD_HOST);
	install.once = false;

	/* A domain that follows its entry refuses any other method; host takes no helper. */
	dom.ipl_mode = PXE_IPL_NORMAL;
	dom.host = PXE_HOST_LOCAL;
	local.method = "payload";
	assert_int_equal(plan(&local, &dom, &p, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "follows its entry"));
	local.method = "host";
	local.target = "ccw 0.0.0002";
	assert_int_equal(plan(&local, &dom, &p, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "--target"));
	local.target = NULL;
	install.method = "payload";
	assert_int_equal(plan(&install, &dom, &p, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "with --once"));
	install.method = NULL;

	/* A plain domain: nothing of host unless asked; asked, it needs a defined domain. */
	dom.host = PXE_HOST_NONE;
	assert_int_equal(plan(&install, &dom, &p, &err), 0);
	assert_int_equal(p.host_to, PXE_HOST_NONE);
	dom.persistent = false;
	assert_int_equal(plan(&local, &dom, &p, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "transient"));
	memset(&dom, 0, sizeof(dom));
	assert_int_equal(plan(&local, &dom, &p, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "domain name"));
}

static void test_auto_choice(void **state)
{
	struct pxe_method_facts f = { .have_domain = true, .gen = PXE_FW_10_1,
				      .net_then_disk = true };
	char why[160];

	(void)state;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_FALLBACK);
	f.secure_ipl = true;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_HOST);
	assert_non_null(strstr(why, "secure IPL"));
	f.secure_ipl = false;
	f.follows_entry = true;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_HOST);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lab_9_0_cycle),	  cmocka_unit_test(test_newest_loadparm_certs),
		cmocka_unit_test(test_boot_order_hands_back), cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_planner),		  cmocka_unit_test(test_auto_choice),
		cmocka_unit_test(test_long_machine_option),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
