// SPDX-License-Identifier: GPL-2.0
/*
 * method.c - local boot methods (see method.h) and the choice `--method auto` makes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pxe/method.h"

static const char *const names[] = {
	[PXE_METHOD_AUTO] = "auto",
	[PXE_METHOD_FALLBACK] = "fallback",
	[PXE_METHOD_PAYLOAD] = "payload",
	[PXE_METHOD_LINUX] = "linux",
	[PXE_METHOD_HOST] = "host",
};

int pxe_method_parse(const char *text, enum pxe_method *m, struct reipl_error *err)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(text, names[i]) == 0) {
			*m = (enum pxe_method)i;
			return 0;
		}
	}
	return reipl_fail(err, -EINVAL,
			  "Invalid method \"%.40s\": give auto, fallback, payload, linux or host", text);
}

const char *pxe_method_name(enum pxe_method m)
{
	return names[m];
}

enum pxe_method pxe_method_choose(const struct pxe_method_facts *f, char *why, size_t len)
{
	if (f->follows_entry || f->secure_ipl) {
		snprintf(why, len, "%s",
			 f->follows_entry ? "its definition follows its entry already"
					  : "secure IPL refuses it a network boot");
		return PXE_METHOD_HOST;
	}
	if (f->have_domain && pxe_fwgen_info(f->gen)->fallback && f->net_then_disk &&
	    !f->helper_asked) {
		snprintf(why, len,
			 "its QEMU falls back to the disk, which follows the network in "
			 "its boot order");
		return PXE_METHOD_FALLBACK;
	}
	if (f->payload_target && f->payload_in_root) {
		snprintf(why, len, "%s; the payload does the target",
			 !f->have_domain   ? "no libvirt domain to ask"
			 : f->helper_asked ? "the options ask for a helper"
			 : !pxe_fwgen_info(f->gen)->fallback
				 ? "its QEMU has no fallback"
				 : "its boot order is not network, then disk");
		return PXE_METHOD_PAYLOAD;
	}
	snprintf(why, len, "%s",
		 !f->payload_target ? "the target needs Linux"
				    : "no " PXE_PAYLOAD_FILE " in the TFTP root for the payload");
	return PXE_METHOD_LINUX;
}
