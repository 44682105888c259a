// SPDX-License-Identifier: GPL-2.0
/*
 * setup.c - the helper files of `pxe setup`, checked, then written all or none (setup.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "initrd/cpio.h"
#include "pxe/readfile.h"
#include "pxe/setup.h"

/* The reboot initrd around @init, built in a scratch file and read back. */
static int build_initrd(const char *init, unsigned char **data, size_t *len,
			struct reipl_error *err)
{
	struct initrd_spec spec = { .init = init };
	const char *dir = getenv("TMPDIR");
	char tmp[4096];
	int fd, rc;

	snprintf(tmp, sizeof(tmp), "%s/reboot-s390x-setup.XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(tmp);
	if (fd < 0)
		return reipl_fail(err, -errno, "cannot make a scratch file in %s: %s",
				  dir && *dir ? dir : "/tmp", strerror(errno));
	close(fd);
	rc = initrd_write(&spec, tmp, err);
	if (rc == 0)
		rc = pxe_read_file(tmp, 64u << 20, data, len, err);
	unlink(tmp);
	return rc;
}

/* The helper's images, read and checked: nothing is written before this succeeds. */
static int read_helper(const struct pxe_setup_request *r, unsigned char *data[3], size_t len[3],
		       struct reipl_error *err)
{
	int rc;

	if (r->method == PXE_METHOD_PAYLOAD) {
		if ((rc = pxe_read_file(r->payload, 1u << 20, &data[PXE_FROM_PAYLOAD],
					  &len[PXE_FROM_PAYLOAD], err)))
			return rc;
		if (!pxe_is_payload(data[PXE_FROM_PAYLOAD], len[PXE_FROM_PAYLOAD]) ||
		    !pxe_is_s390_image(data[PXE_FROM_PAYLOAD], len[PXE_FROM_PAYLOAD]))
			return reipl_fail(err, -EINVAL, "%s is not the reboot-s390x payload",
					  r->payload);
		return 0;
	}
	if (r->method != PXE_METHOD_LINUX)
		return reipl_fail(err, -EINVAL, "the helper is the payload or linux");
	if ((rc = pxe_read_file(r->kernel, 64u << 20, &data[PXE_FROM_KERNEL],
				  &len[PXE_FROM_KERNEL], err)))
		return rc;
	if (!pxe_is_s390_image(data[PXE_FROM_KERNEL], len[PXE_FROM_KERNEL]))
		return reipl_fail(err, -EINVAL,
				  "%s does not look like an s390x kernel (no S390EP at 0x10008)",
				  r->kernel);
	return build_initrd(r->init, &data[PXE_FROM_INITRD], &len[PXE_FROM_INITRD], err);
}

int pxe_setup(const struct pxe_tree *t, const struct pxe_setup_request *r,
	      struct pxe_setup_result *out, struct reipl_error *err)
{
	unsigned char *data[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	const char *names[PXE_HELPER_FILES_MAX], *bytes[PXE_HELPER_FILES_MAX];
	size_t lens[PXE_HELPER_FILES_MAX];
	int rc, i;

	memset(out, 0, sizeof(*out));
	if ((rc = read_helper(r, data, len, err)) == 0) {
		out->n = pxe_helper_files(r->method, out->files);
		for (i = 0; i < out->n; i++) {
			enum pxe_helper_source s = out->files[i].source;

			names[i] = out->files[i].name;
			bytes[i] = s == PXE_FROM_PLACEHOLDER ? PXE_PLACEHOLDER_INITRD
							     : (const char *)data[s];
			lens[i] = s == PXE_FROM_PLACEHOLDER ? strlen(PXE_PLACEHOLDER_INITRD)
							    : len[s];
		}
		rc = pxe_tree_put_all(t, names, bytes, lens, (size_t)out->n, out->changed, err);
	}
	for (i = 0; i < 3; i++)
		free(data[i]);
	return rc;
}
