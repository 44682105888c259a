// SPDX-License-Identifier: GPL-2.0
/*
 * guest.c - guest identities and pxelinux.cfg file names.
 *
 * The firmware asks, in order, for pxelinux.cfg/<uuid> (lower case, dashes),
 * 01-<mac> (ARP type 01, lower case, dashes), the client IPv4 address in upper-case hex
 * shortened one digit at a time, and default (QEMU pc-bios/s390-ccw/netmain.c and
 * SLOF's pxelinux.c).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pxe/guest.h"
#include "reipl/hex.h"

/* Collect exactly @want hex digits from @s, skipping the separators in @seps. */
static int hex_digits(const char *s, const char *seps, char *out, size_t want)
{
	size_t n = 0;

	for (; *s; s++) {
		if (strchr(seps, *s))
			continue;
		if (reipl_hex_digit(*s) < 0 || n == want)
			return -EINVAL;
		out[n++] = (char)tolower((unsigned char)*s);
	}
	out[n] = '\0';
	return n == want ? 0 : -EINVAL;
}

/* 6 groups of 2 (":" or "-"), 3 groups of 4 ("."), or 12 digits. */
static int parse_mac(const char *s, uint8_t mac[6])
{
	size_t len = strlen(s), i;
	char digits[13];
	char sep = 0;

	if (len == 17 && (s[2] == ':' || s[2] == '-'))
		sep = s[2];
	else if (len == 14 && s[4] == '.')
		sep = '.';
	else if (len != 12)
		return -EINVAL;
	for (i = 0; sep && i < len; i++) {
		bool at_sep = sep == '.' ? (i % 5 == 4) : (i % 3 == 2);

		if (at_sep != (s[i] == sep))
			return -EINVAL;
	}
	if (hex_digits(s, sep ? (char[]){ sep, 0 } : "", digits, 12))
		return -EINVAL;
	for (i = 0; i < 6; i++)
		mac[i] = (uint8_t)(reipl_hex_digit(digits[2 * i]) * 16 +
				   reipl_hex_digit(digits[2 * i + 1]));
	return 0;
}

static int parse_uuid(const char *s, char out[37])
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	char digits[33];
	size_t len = strlen(s), i, pos = 0, o = 0;

	if (len == 36) {
		for (i = 0; i < 5; i++) {
			pos += (size_t)groups[i];
			if (i < 4 && s[pos++] != '-')
				return -EINVAL;
		}
	} else if (len != 32) {
		return -EINVAL;
	}
	if (hex_digits(s, "-", digits, 32))
		return -EINVAL;
	for (i = 0, pos = 0; i < 5; i++) {
		memcpy(out + o, digits + pos, (size_t)groups[i]);
		o += (size_t)groups[i];
		pos += (size_t)groups[i];
		if (i < 4)
			out[o++] = '-';
	}
	out[o] = '\0';
	return 0;
}

static bool hex_and_separators(const char *s)
{
	for (; *s; s++)
		if (reipl_hex_digit(*s) < 0 && !strchr(":-.", *s))
			return false;
	return true;
}

int pxe_guest_parse(const char *text, struct pxe_guest *g, struct reipl_error *err)
{
	size_t i, len = strlen(text);

	memset(g, 0, sizeof(*g));
	if (strcmp(text, "default") == 0) {
		g->kind = PXE_GUEST_DEFAULT;
		return 0;
	}
	if (parse_mac(text, g->mac) == 0) {
		g->kind = PXE_GUEST_MAC;
		return 0;
	}
	if (parse_uuid(text, g->uuid) == 0) {
		g->kind = PXE_GUEST_UUID;
		return 0;
	}
	if (len == 0)
		return reipl_fail(err, -EINVAL, "no guest given");
	/* A typo in a MAC or UUID is not a domain name: "52:54:00:12:34:5g". */
	if (len == 17 && text[2] == ':' && text[5] == ':' && text[8] == ':' && text[11] == ':' &&
	    text[14] == ':')
		return reipl_fail(err, -EINVAL, "guest '%s' is not a valid MAC address", text);
	if (len == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-')
		return reipl_fail(err, -EINVAL, "guest '%s' is not a valid UUID", text);
	if (hex_and_separators(text))
		return reipl_fail(
			err, -EINVAL,
			"guest '%.60s' is neither a MAC address (52:54:00:12:34:56) nor a "
			"UUID",
			text);
	/*
	 * A name is only looked up in libvirt (the guest's file is its UUID's), so what
	 * libvirt takes is taken: "-x", "a b". libvirt refuses "/" in names (and "." and
	 * ".." are refused above, as all separators); control characters would go into
	 * messages. Longer names than fit here are named by their UUID.
	 */
	for (i = 0; i < len; i++)
		if (text[i] == '/' || iscntrl((unsigned char)text[i]))
			return reipl_fail(err, -EINVAL,
					  "guest '%.60s' is not a valid libvirt domain name", text);
	if (len >= PXE_NAME_MAX)
		return reipl_fail(err, -EINVAL,
				  "guest '%.60s...' has a name over %d bytes: name it by its UUID "
				  "('virsh domuuid')",
				  text, PXE_NAME_MAX - 1);
	g->kind = PXE_GUEST_NAME;
	memcpy(g->name, text, len + 1);
	return 0;
}

void pxe_guest_file(const struct pxe_guest *g, char *buf, size_t len)
{
	switch (g->kind) {
	case PXE_GUEST_MAC:
		snprintf(buf, len, "01-%02x-%02x-%02x-%02x-%02x-%02x", g->mac[0], g->mac[1],
			 g->mac[2], g->mac[3], g->mac[4], g->mac[5]);
		break;
	case PXE_GUEST_UUID:
		snprintf(buf, len, "%s", g->uuid);
		break;
	case PXE_GUEST_IP:
		snprintf(buf, len, "%s", g->name);
		break;
	default:
		snprintf(buf, len, "default");
		break;
	}
}

void pxe_guest_describe(const struct pxe_guest *g, char *buf, size_t len)
{
	switch (g->kind) {
	case PXE_GUEST_MAC:
		snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", g->mac[0], g->mac[1], g->mac[2],
			 g->mac[3], g->mac[4], g->mac[5]);
		break;
	case PXE_GUEST_UUID:
		snprintf(buf, len, "%s", g->uuid);
		break;
	case PXE_GUEST_IP:
	case PXE_GUEST_NAME:
		snprintf(buf, len, "%s", g->name);
		break;
	default:
		snprintf(buf, len, "default");
		break;
	}
}

int pxe_guest_from_file(const char *name, struct pxe_guest *g, char *why, size_t len)
{
	struct pxe_guest parsed;
	char want[64];
	size_t n = strlen(name), i;

	memset(g, 0, sizeof(*g));
	if (strcmp(name, "default") == 0)
		return 0;
	/* Upper-case hex IPv4 address prefixes, 1 to 8 digits. */
	if (n >= 1 && n <= 8) {
		for (i = 0; i < n &&
			    (isdigit((unsigned char)name[i]) || (name[i] >= 'A' && name[i] <= 'F'));
		     i++)
			;
		if (i == n) {
			g->kind = PXE_GUEST_IP;
			snprintf(g->name, sizeof(g->name), "%s", name);
			return 0;
		}
	}
	if (strncmp(name, "01-", 3) == 0 && parse_mac(name + 3, parsed.mac) == 0) {
		parsed.kind = PXE_GUEST_MAC;
		pxe_guest_file(&parsed, want, sizeof(want));
		if (strcmp(want, name) == 0) {
			*g = parsed;
			return 0;
		}
		snprintf(why, len, "the firmware asks for %s (lower case, dashes)", want);
		return -ENOENT;
	}
	if (parse_uuid(name, parsed.uuid) == 0) {
		parsed.kind = PXE_GUEST_UUID;
		if (strcmp(parsed.uuid, name) == 0) {
			*g = parsed;
			return 0;
		}
		snprintf(why, len, "the firmware asks for %s (lower case, dashes)", parsed.uuid);
		return -ENOENT;
	}
	if (parse_mac(name, parsed.mac) == 0 ||
	    (n > 3 && name[2] == '-' && parse_mac(name + 3, parsed.mac) == 0)) {
		parsed.kind = PXE_GUEST_MAC;
		pxe_guest_file(&parsed, want, sizeof(want));
		snprintf(why, len, "the firmware asks for %s (ARP type 01, lower case, dashes)",
			 want);
		return -ENOENT;
	}
	if (strcasecmp(name, "default") == 0) {
		snprintf(why, len, "the firmware asks for \"default\", in lower case");
		return -ENOENT;
	}
	snprintf(why, len, "no MAC, UUID, IP address or \"default\" file name");
	return -ENOENT;
}

bool pxe_domain_fwgen(const struct pxe_domain *d, enum pxe_fwgen *gen)
{
	if (d->fwgen_from_caps)
		*gen = d->fwgen_caps;
	else if (d->qemu_known)
		*gen = pxe_fwgen_of_qemu(d->qemu_major, d->qemu_minor);
	return d->fwgen_from_caps || d->qemu_known;
}

bool pxe_domain_disk_after_net(const struct pxe_domain *d)
{
	return d->net_first && d->disk_second &&
	       (!d->disk_second_pci || (d->fwgen_from_caps && d->fw_pci_boot));
}

bool pxe_domain_falls_back(const struct pxe_domain *d)
{
	enum pxe_fwgen gen;

	return pxe_domain_fwgen(d, &gen) && pxe_fwgen_info(gen)->fallback &&
	       pxe_domain_disk_after_net(d);
}

bool pxe_domain_is(const struct pxe_domain *d, const struct pxe_guest *g)
{
	int i;

	if (g->kind == PXE_GUEST_UUID)
		return strcmp(g->uuid, d->uuid) == 0;
	for (i = 0; g->kind == PXE_GUEST_MAC && i < d->nmacs; i++)
		if (memcmp(g->mac, d->macs[i], sizeof(g->mac)) == 0)
			return true;
	return false;
}
