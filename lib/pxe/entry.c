// SPDX-License-Identifier: GPL-2.0
/*
 * entry.c - writing and recognising local-boot and installer entries.
 *
 * Every entry has kernel, initrd and append lines (the firmware does not clear its
 * entries, so a missing line is garbage), and every file starts with "# pxelinux" so
 * it also works when DHCP hands it out directly as the boot file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pxe/entry.h"
#include "pxe/tree.h"
#include "reipl/cmdline.h"
#include "reipl/request.h"
#include "reipl/target.h"

int pxe_check_path(const char *what, const char *path, struct reipl_error *err)
{
	const char *p;

	if (!*path)
		return reipl_fail(err, -EINVAL, "%s file name is empty", what);
	if (strlen(path) > PXE_PATH_MAX)
		return reipl_fail(err, -EINVAL, "%s file name is longer than %d bytes", what,
				  PXE_PATH_MAX);
	for (p = path; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return reipl_fail(err, -EINVAL,
					  "%s file name '%.60s' has a blank or control character",
					  what, path);
	if (path[0] == '/' || strcmp(path, "..") == 0 || strncmp(path, "../", 3) == 0 ||
	    strstr(path, "/../") ||
	    (strlen(path) >= 3 && strcmp(path + strlen(path) - 3, "/..") == 0))
		return reipl_fail(err, -EINVAL,
				  "%s file name '%.60s' must be relative to the TFTP root, without "
				  "'..'",
				  what, path);
	return 0;
}

static int check_append(const char *what, const char *text, struct reipl_error *err)
{
	if (strpbrk(text, "\n\r"))
		return reipl_fail(err, -EINVAL, "%s must be one line", what);
	return 0;
}

static int finish(size_t len, int n, const char *append, struct reipl_error *err)
{
	/* At PXE_APPEND_MAX the firmware copies the line without its terminating NUL. */
	if (strlen(append) >= PXE_APPEND_MAX)
		return reipl_fail(
			err, -EINVAL,
			"the append line would be %zu bytes; the firmware passes at most %d",
			strlen(append), PXE_APPEND_MAX - 1);
	if (n < 0 || (size_t)n >= len)
		return reipl_fail(err, -E2BIG, "the entry is too long");
	return 0;
}

int pxe_entry_local(const char *target, const char *kernel, const char *initrd, const char *extra,
		    char *buf, size_t len, struct reipl_error *err)
{
	char words[REIPL_CMDLINE_MAX], append[PXE_FILE_MAX];
	char *argv[REIPL_REQUEST_WORDS];
	struct reipl_target t;
	struct reipl_error why;
	size_t used = 0;
	int argc = 0, i, rc;

	if ((rc = pxe_check_path("kernel", kernel, err)) ||
	    (rc = pxe_check_path("initrd", initrd, err)))
		return rc;
	if (!extra)
		extra = PXE_LOCAL_APPEND;
	if ((rc = check_append("--append", extra, err)))
		return rc;
	if (strstr(extra, "rd.chreipl="))
		return reipl_fail(err, -EINVAL, "give the target with --target, not in --append");
	if (target) {
		if (reipl_target_text_check(target, &t, &why))
			return reipl_fail(err, -EINVAL, "--target \"%.60s\": %s", target, why.msg);
		strcpy(words, target);
		argc = reipl_cmdline_split(words, argv, REIPL_REQUEST_WORDS);
		if (argc < 0)
			return reipl_fail(err, -EINVAL, "--target \"%.60s\": Too many arguments",
					  target);
	}
	append[0] = '\0';
	for (i = 0; i < argc && used < sizeof(append); i++)
		used += (size_t)snprintf(append + used, sizeof(append) - used, "%srd.chreipl=%s",
					 i ? " " : "", argv[i]);
	if (used < sizeof(append) && extra[strspn(extra, " \t")])
		snprintf(append + used, sizeof(append) - used, "%s%s", used ? " " : "", extra);
	/* "append" with nothing after it is a keyword alone: the firmware skips the line. */
	if (!append[0])
		return reipl_fail(err, -EINVAL,
				  "the append line would be empty, which the firmware skips: give "
				  "--target or a non-blank --append");
	rc = snprintf(buf, len,
		      PXE_ENTRY_MARK "local\n"
				     "default local\n"
				     "label local\n"
				     "kernel %s\n"
				     "initrd %s\n"
				     "append %s\n",
		      kernel, initrd, append);
	return finish(len, rc, append, err);
}

int pxe_entry_payload(const char *name, const char *payload, const char *target, const char *extra,
		      char *buf, size_t len, struct reipl_error *err)
{
	char self[PXE_PATH_MAX + 1];
	int rc;

	if ((rc = pxe_tree_check_name(name, err)) || (rc = pxe_entry_payload_target(target, err)))
		return rc;
	snprintf(self, sizeof(self), "pxelinux.cfg/%s", name);
	return pxe_entry_local(target ? target : "auto", payload ? payload : PXE_PAYLOAD_FILE, self,
			       extra, buf, len, err);
}

int pxe_entry_payload_target(const char *target, struct reipl_error *err)
{
	char words[REIPL_CMDLINE_MAX];
	char *argv[REIPL_REQUEST_WORDS];
	struct reipl_target t;

	if (!target)
		return 0;
	if (strlen(target) >= sizeof(words) || strpbrk(target, "\n\r"))
		return reipl_fail(err, -EINVAL, "the target must be one line of chreipl arguments");
	strcpy(words, target);
	if (reipl_args_parse_text(words, argv, REIPL_REQUEST_WORDS, &t, err) < 0)
		return -EINVAL;
	return reipl_target_payload_check(&t, err);
}

bool pxe_entry_is_ours(const char *text, size_t len)
{
	return len >= sizeof(PXE_ENTRY_MARK) - 1 &&
	       memcmp(text, PXE_ENTRY_MARK, sizeof(PXE_ENTRY_MARK) - 1) == 0;
}

/* A file with no entry: @text, its mark and comments. */
static int no_entry(const char *text, char *buf, size_t len, struct reipl_error *err)
{
	int rc = snprintf(buf, len, "%s", text);

	if (rc < 0 || (size_t)rc >= len)
		return reipl_fail(err, -E2BIG, "the entry is too long");
	return 0;
}

int pxe_entry_fallback(char *buf, size_t len, struct reipl_error *err)
{
	return no_entry(PXE_ENTRY_MARK
			"local, method fallback\n"
			"# No entry, on purpose: QEMU 9.2 and later fail this network boot and IPL "
			"the\n"
			"# next device in the guest's boot order, its disk. QEMU up to 9.1 would "
			"stop.\n",
			buf, len, err);
}

int pxe_entry_host(char *buf, size_t len, struct reipl_error *err)
{
	return no_entry(PXE_ENTRY_MARK PXE_ENTRY_HOST_ROLE "\n"
				       "# No entry, on purpose: the guest's libvirt definition "
				       "boots its disk alone and\n"
				       "# does not read this file; were it to, QEMU 9.2 and later "
				       "would fall back to the disk.\n",
			buf, len, err);
}

int pxe_entry_install(const char *kernel, const char *initrd, const char *append, char *buf,
		      size_t len, struct reipl_error *err)
{
	int rc;

	if ((rc = pxe_check_path("kernel", kernel, err)) ||
	    (rc = pxe_check_path("initrd", initrd, err)))
		return rc;
	if (!append)
		append = PXE_INSTALL_APPEND;
	if ((rc = check_append("--append", append, err)))
		return rc;
	/* "append" alone is a keyword without argument: the firmware skips it. */
	if (!append[strspn(append, " \t")])
		return reipl_fail(err, -EINVAL, "--append must not be empty");
	rc = snprintf(buf, len,
		      PXE_ENTRY_MARK "install\n"
				     "default install\n"
				     "label install\n"
				     "kernel %s\n"
				     "initrd %s\n"
				     "append %s\n",
		      kernel, initrd, append);
	return finish(len, rc, append, err);
}

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Whether the file is pxe_entry_host's: its first two lines, which the parser leaves in
 * @cfg->buf as two strings (it ends each line with a NUL and skips comments).
 */
static bool host_marked(const struct pxe_cfg *cfg)
{
	static const char first[] = "# pxelinux";
	const char *second = cfg->buf + sizeof(first);

	return strcmp(cfg->buf, first) == 0 &&
	       strcmp(second, PXE_ENTRY_MARK_ROLE PXE_ENTRY_HOST_ROLE) == 0;
}

void pxe_summarize(const struct pxe_cfg *cfg, struct pxe_summary *s)
{
	const struct pxe_entry *e = pxe_cfg_default(cfg);
	const char *append = e && e->append ? e->append : "";
	const char *p, *end;
	size_t used = 0;
	bool helper;

	memset(s, 0, sizeof(*s));
	if (!cfg->skipped && cfg->count == 0) {
		s->role = PXE_ROLE_LOCAL;
		s->method = host_marked(cfg) ? PXE_METHOD_HOST : PXE_METHOD_FALLBACK;
		snprintf(s->target, sizeof(s->target), "%s",
			 s->method == PXE_METHOD_HOST ? "the disk alone (its definition)"
						      : "the disk after the network");
		return;
	}
	/* Without append the kernel gets an empty command line: the helper then boots auto. */
	if (!e || !e->kernel || !e->initrd) {
		s->role = PXE_ROLE_BROKEN;
		return;
	}
	/* rd.chreipl= words, in order: the helper's target. */
	for (p = append; (p = strstr(p, "rd.chreipl=")); p = end) {
		if (p != append && p[-1] != ' ' && p[-1] != '\t') {
			end = p + 1;
			continue;
		}
		p += strlen("rd.chreipl=");
		end = p + strcspn(p, " \t");
		if (used < sizeof(s->target))
			used += (size_t)snprintf(s->target + used, sizeof(s->target) - used,
						 "%s%.*s", used ? " " : "", (int)(end - p), p);
	}
	/*
	 * The label our writers give says it first (an install entry may carry rd.chreipl=
	 * words, a local one inst.* words the helper ignores); then the helper's initrd;
	 * then installers by their words (anaconda, debian-installer, subiquity).
	 */
	helper = strcmp(basename_of(e->initrd), PXE_SEED_INITRD) == 0 ||
		 strcmp(basename_of(e->initrd), PXE_FOREMAN_INITRD) == 0 ||
		 strncmp(e->initrd, "pxelinux.cfg/", 13) == 0;
	if (strcmp(e->label, "install") != 0 &&
	    (strcmp(e->label, "local") == 0 || helper ||
	     (used && !strstr(append, "inst.") && !strstr(append, "preseed/") &&
	      !strstr(append, "auto=true") && !strstr(append, "autoinstall")))) {
		s->role = PXE_ROLE_LOCAL;
		s->method = strncmp(e->initrd, "pxelinux.cfg/", 13) == 0 ? PXE_METHOD_PAYLOAD
									 : PXE_METHOD_LINUX;
		if (!used)
			snprintf(s->target, sizeof(s->target), "auto");
		return;
	}
	if (strcmp(e->label, "install") == 0 || strstr(append, "inst.") ||
	    strstr(append, "preseed/") || strstr(append, "auto=true") ||
	    strstr(append, "autoinstall")) {
		s->role = PXE_ROLE_INSTALL;
		return;
	}
	s->role = PXE_ROLE_OTHER;
}

const char *pxe_role_name(enum pxe_role role)
{
	switch (role) {
	case PXE_ROLE_LOCAL:
		return "local";
	case PXE_ROLE_INSTALL:
		return "install";
	case PXE_ROLE_BROKEN:
		return "broken";
	case PXE_ROLE_OTHER:
		break;
	}
	return "other";
}
