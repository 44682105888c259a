// SPDX-License-Identifier: GPL-2.0
/*
 * pxecmd_setup.c - pxe setup: the helper (the payload, or a kernel and the reboot initrd)
 * read and checked first, then put into the root under the seed's and Foreman's names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "initrd/cpio.h"
#include "pxe/helpers.h"
#include "pxe/method.h"
#include "pxe/tree.h"
#include "pxecmd.h"

/* pxe setup: the helper files, read and checked first, then written all or none. */
int pxecmd_setup(const struct pxe_opts *o)
{
	struct pxe_helper_file files[PXE_HELPER_FILES_MAX];
	const char *names[PXE_HELPER_FILES_MAX], *data[PXE_HELPER_FILES_MAX];
	size_t lens[PXE_HELPER_FILES_MAX];
	bool changed[PXE_HELPER_FILES_MAX];
	unsigned char *payload = NULL, *kernel = NULL, *initrd = NULL;
	size_t payload_len = 0, kernel_len = 0, initrd_len = 0;
	enum pxe_method method = PXE_METHOD_PAYLOAD;
	struct reipl_error err;
	struct pxe_tree t;
	int n, i, rc = EXIT_FAILURE;

	if (o->method && (pxe_method_parse(o->method, &method, &err) ||
			  (method != PXE_METHOD_PAYLOAD && method != PXE_METHOD_LINUX)))
		return cli_error("pxe setup: --method is payload or linux, not '%s'", o->method);
	if (method == PXE_METHOD_PAYLOAD) {
		const char *src = o->payload ? o->payload : cli_installed_payload();

		if (o->kernel || o->init)
			return cli_error("pxe setup: --kernel and --init are for --method linux");
		if (pxe_helper_read(src, 1u << 20, &payload, &payload_len, &err))
			return cli_error("pxe setup: %s", err.msg);
		if (!pxe_is_payload(payload, payload_len) ||
		    !pxe_is_s390_image(payload, payload_len)) {
			free(payload);
			return cli_error("pxe setup: %s is not the reboot-s390x payload", src);
		}
	} else {
		struct initrd_spec spec = { 0 };
		char tmp[] = "/tmp/reboot-s390x-setup.XXXXXX";
		int fd;

		if (!o->kernel)
			return cli_error("pxe setup: --method linux needs --kernel <file>, an "
					 "s390x kernel to copy");
		if (o->payload)
			return cli_error("pxe setup: --payload is for --method payload");
		if (pxe_helper_read(o->kernel, 64u << 20, &kernel, &kernel_len, &err))
			return cli_error("pxe setup: %s", err.msg);
		if (!pxe_is_s390_image(kernel, kernel_len)) {
			free(kernel);
			return cli_error("pxe setup: %s does not look like an s390x kernel (no "
					 "S390EP at 0x10008)",
					 o->kernel);
		}
		fd = mkstemp(tmp);
		if (fd >= 0)
			close(fd);
		spec.init = o->init ? o->init : cli_installed_init();
		if (fd < 0 || initrd_write(&spec, tmp, &err) ||
		    pxe_helper_read(tmp, 64u << 20, &initrd, &initrd_len, &err)) {
			unlink(tmp);
			free(kernel);
			return cli_error("pxe setup: %s", fd < 0 ? strerror(errno) : err.msg);
		}
		unlink(tmp);
	}
	if (pxe_tree_open(o->root, false, &t, &err) && t.rootfd < 0) {
		pxe_tree_close(&t);
		free(payload), free(kernel), free(initrd);
		return cli_error("pxe setup: %s", err.msg);
	}
	n = pxe_helper_files(method, files);
	for (i = 0; i < n; i++) {
		names[i] = files[i].name;
		data[i] = files[i].source == PXE_FROM_PAYLOAD  ? (const char *)payload
			  : files[i].source == PXE_FROM_KERNEL ? (const char *)kernel
			  : files[i].source == PXE_FROM_INITRD ? (const char *)initrd
							       : PXE_PLACEHOLDER_INITRD;
		lens[i] = files[i].source == PXE_FROM_PAYLOAD  ? payload_len
			  : files[i].source == PXE_FROM_KERNEL ? kernel_len
			  : files[i].source == PXE_FROM_INITRD ? initrd_len
							       : strlen(PXE_PLACEHOLDER_INITRD);
	}
	/* All the helper files or none (a full disk must not leave half a setup). */
	if (pxe_tree_put_all(&t, names, data, lens, (size_t)n, changed, &err)) {
		cli_error("pxe setup: %s", err.msg);
		goto out;
	}
	for (i = 0; i < n; i++) {
		static const char *const what[] = { "the payload", "the kernel",
						    "the reboot initrd",
						    "a placeholder initrd for the payload" };

		printf("%s: %s%s\n", files[i].name, what[files[i].source],
		       changed[i] ? "" : " (unchanged)");
	}
	rc = EXIT_SUCCESS;
out:
	pxe_tree_close(&t);
	free(payload), free(kernel), free(initrd);
	return rc;
}
