// SPDX-License-Identifier: GPL-2.0
/*
 * fwgen.c - the network firmware's generations (see fwgen.h for what each one does).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxe/fwgen.h"

static const struct pxe_fwgen_info gens[PXE_FWGEN_COUNT] = {
	[PXE_FW_7_2] = { "7.2", "QEMU up to 9.1", 16, false, false },
	[PXE_FW_9_2] = { "9.2", "QEMU 9.2 to 10.0", 16, true, false },
	[PXE_FW_10_1] = { "10.1", "QEMU 10.1 and later", 31, true, true },
};

const struct pxe_fwgen_info *pxe_fwgen_info(enum pxe_fwgen gen)
{
	return &gens[gen];
}

enum pxe_fwgen pxe_fwgen_of_qemu(unsigned major, unsigned minor)
{
	if (major > 10 || (major == 10 && minor >= 1))
		return PXE_FW_10_1;
	if (major > 9 || (major == 9 && minor >= 2))
		return PXE_FW_9_2;
	return PXE_FW_7_2;
}

/* Whether @needle is in the @len bytes at @hay. */
static bool has_bytes(const void *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	return hay && len >= n && memmem(hay, len, needle, n) != NULL;
}

/* A property line of QEMU's help: "  NAME=<type>   - what it is" */
static bool has_property(const char *help, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = help; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		p += strspn(p, " \t");
		if (strncmp(p, name, n) == 0 && p[n] == '=')
			return true;
	}
	return false;
}

void pxe_fw_caps_read(const char *device_help, const char *machine_help, const void *firmware,
		      size_t len, struct pxe_fw_caps *c)
{
	memset(c, 0, sizeof(*c));
	c->net_loadparm = has_property(device_help, "loadparm");
	c->secure_boot = has_property(machine_help, "secure-boot");
	c->firmware_read = firmware != NULL;
	/* (the firmware's own messages: what it prints is what it does) */
	c->fw_fallback = has_bytes(firmware, len, "Failed to IPL from this network!");
	c->fw_menu = has_bytes(firmware, len, "s390-ccw pxelinux.cfg boot menu:");
	c->fw_pci_boot = has_bytes(firmware, len, "Cannot boot PCI device type");
}

bool pxe_fwgen_of_caps(const struct pxe_fw_caps *c, enum pxe_fwgen *gen)
{
	if (!c->firmware_read)
		return false;
	*gen = c->fw_menu ? PXE_FW_10_1 : c->fw_fallback ? PXE_FW_9_2 : PXE_FW_7_2;
	return true;
}

int pxe_fwgen_parse(const char *text, enum pxe_fwgen *gen, struct reipl_error *err)
{
	unsigned long major, minor = 0;
	const char *p = text;
	char *end;

	if (*p < '0' || *p > '9')
		goto bad;
	major = strtoul(p, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9')
		goto bad;
	minor = strtoul(end + 1, &end, 10);
	if (*end == '.') {
		if (end[1] < '0' || end[1] > '9')
			goto bad;
		strtoul(end + 1, &end, 10);
	}
	if (*end || major < 2 || major > 99 || minor > 99)
		goto bad;
	*gen = pxe_fwgen_of_qemu((unsigned)major, (unsigned)minor);
	return 0;
bad:
	return reipl_fail(err, -EINVAL,
			  "Invalid firmware \"%.40s\": give 7.2, 9.2, 10.1 or a QEMU version",
			  text);
}

const char *pxe_ipl_mode_name(enum pxe_ipl_mode mode)
{
	static const char *const names[] = { "normal", "audit", "secure" };

	return names[mode];
}
