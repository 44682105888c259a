// SPDX-License-Identifier: GPL-2.0
/*
 * target.c - chreipl's command line grammar.
 *
 * The grammar is chreipl's (s390-tools ipl_tools/cmd_chreipl.c): a target keyword or a
 * bus-ID/path to detect it from, getopt-style options, and positional parameters that
 * may stand anywhere. It is stricter where chreipl is wrong: numbers are checked digit
 * by digit and for overflow, loadparm characters are checked as the kernel will, and
 * nothing is accepted that the kernel would refuse later, so that every error is found
 * before the first sysfs write. It uses no getopt (whose state is global and which the
 * freestanding payload does not have).
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "reipl/cmdline.h"
#include "reipl/hex.h"
#include "reipl/target.h"

struct option_def {
	char letter; /* 0 for long-only */
	const char *name;
	unsigned int opt; /* REIPL_OPT_* */
	bool has_arg;
};

static const struct option_def options[] = {
	{ 'd', "device", REIPL_OPT_DEVICE, true },
	{ 'w', "wwpn", REIPL_OPT_WWPN, true },
	{ 'l', "lun", REIPL_OPT_LUN, true },
	{ 'b', "bootprog", REIPL_OPT_BOOTPROG, true },
	{ 'L', "loadparm", REIPL_OPT_LOADPARM, true },
	{ 'p', "bootparms", REIPL_OPT_BOOTPARMS, true },
	{ 'c', "clear", REIPL_OPT_CLEAR, true },
	{ 'i', "fid", REIPL_OPT_FID, true },
	{ 's', "nsid", REIPL_OPT_NSID, true },
	{ 'n', "name", REIPL_OPT_NAME, true },
	{ 0, "brchr", REIPL_OPT_BRCHR, true },
	{ 'f', "force", REIPL_OPT_FORCE, false },
	/* chreipl's too: they stop the parsing (t->help, t->version). */
	{ 'h', "help", REIPL_OPT_HELP, false },
	{ 'v', "version", REIPL_OPT_VERSION, false },
};

#define N_OPTIONS (sizeof(options) / sizeof(options[0]))

static const struct {
	enum reipl_type type;
	const char *name;
	unsigned int allowed;
} types[] = {
	{ REIPL_TYPE_CCW, "ccw",
	  REIPL_OPT_DEVICE | REIPL_OPT_LOADPARM | REIPL_OPT_BOOTPARMS | REIPL_OPT_CLEAR |
		  REIPL_OPT_FORCE },
	{ REIPL_TYPE_ECKD, "eckd",
	  REIPL_OPT_DEVICE | REIPL_OPT_BOOTPROG | REIPL_OPT_BRCHR | REIPL_OPT_LOADPARM |
		  REIPL_OPT_BOOTPARMS | REIPL_OPT_CLEAR | REIPL_OPT_FORCE },
	{ REIPL_TYPE_FCP, "fcp",
	  REIPL_OPT_DEVICE | REIPL_OPT_WWPN | REIPL_OPT_LUN | REIPL_OPT_BOOTPROG |
		  REIPL_OPT_LOADPARM | REIPL_OPT_BOOTPARMS | REIPL_OPT_CLEAR | REIPL_OPT_FORCE },
	{ REIPL_TYPE_NVME, "nvme",
	  REIPL_OPT_FID | REIPL_OPT_NSID | REIPL_OPT_BOOTPROG | REIPL_OPT_LOADPARM |
		  REIPL_OPT_BOOTPARMS | REIPL_OPT_CLEAR | REIPL_OPT_FORCE },
	{ REIPL_TYPE_NSS, "nss", REIPL_OPT_NAME | REIPL_OPT_BOOTPARMS | REIPL_OPT_FORCE },
	/* node: everything but -d/-w/-l; the rest is checked once the node is resolved. */
	{ REIPL_TYPE_NODE, "node",
	  ~(unsigned int)(REIPL_OPT_DEVICE | REIPL_OPT_WWPN | REIPL_OPT_LUN) },
	{ REIPL_TYPE_AUTO, "auto",
	  REIPL_OPT_LOADPARM | REIPL_OPT_BOOTPARMS | REIPL_OPT_CLEAR | REIPL_OPT_FORCE },
};

#define N_TYPES (sizeof(types) / sizeof(types[0]))

const char *reipl_type_name(enum reipl_type type)
{
	size_t i;

	for (i = 0; i < N_TYPES; i++)
		if (types[i].type == type)
			return types[i].name;
	return "none";
}

static unsigned int allowed_options(enum reipl_type type)
{
	size_t i;

	for (i = 0; i < N_TYPES; i++)
		if (types[i].type == type)
			return types[i].allowed;
	return 0;
}

static const struct option_def *option_by_opt(unsigned int opt)
{
	size_t i;

	for (i = 0; i < N_OPTIONS; i++)
		if (options[i].opt == opt)
			return &options[i];
	return NULL;
}

/* "-d" or "--brchr", for messages. */
static const char *option_spelling(unsigned int opt, char buf[16])
{
	const struct option_def *o = option_by_opt(opt);

	if (!o)
		return "?";
	if (o->letter) {
		buf[0] = '-';
		buf[1] = o->letter;
		buf[2] = '\0';
	} else {
		buf[0] = buf[1] = '-';
		strncpy(buf + 2, o->name, 13);
		buf[15] = '\0';
	}
	return buf;
}

static int set_device(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	if (reipl_busid_parse(v, &t->device))
		return reipl_fail(err, -EINVAL, "Invalid device number \"%.40s\" specified", v);
	if (t->device.cssid != 0)
		return reipl_fail(err, -EINVAL,
				  "Invalid device number \"%.40s\" specified: the channel "
				  "subsystem ID must be 0",
				  v);
	if (t->device.ssid > 3)
		return reipl_fail(err, -EINVAL,
				  "Invalid device number \"%.40s\" specified: the subchannel set "
				  "ID must be 0 to 3",
				  v);
	return 0;
}

static int set_hex64(uint64_t *out, const char *what, const char *v, struct reipl_error *err)
{
	int rc = reipl_parse_hex(v, UINT64_MAX, out);

	if (rc == -ERANGE)
		return reipl_fail(err, -EINVAL, "%s \"%.40s\" exceeds 64 bits", what, v);
	if (rc)
		return reipl_fail(err, -EINVAL, "%s \"%.40s\" is not a hexadecimal number", what,
				  v);
	return 0;
}

static int set_u32(uint32_t *out, bool hex, const char *what, const char *v,
		   struct reipl_error *err)
{
	uint64_t val;
	int rc = hex ? reipl_parse_hex(v, UINT32_MAX, &val) : reipl_parse_dec(v, UINT32_MAX, &val);

	if (rc == -ERANGE)
		return reipl_fail(err, -EINVAL, "%s \"%.40s\" exceeds 32 bits", what, v);
	if (rc)
		return reipl_fail(err, -EINVAL, "%s \"%.40s\" is not a %s number", what, v,
				  hex ? "hexadecimal" : "decimal");
	*out = (uint32_t)val;
	return 0;
}

static int set_loadparm(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	size_t i, len = strlen(v);

	if (len > REIPL_LOADPARM_MAX)
		return reipl_fail(err, -EINVAL, "Loadparm \"%.40s\" exceeds 8 characters", v);
	/* chreipl: a single blank means "no loadparm". */
	if (strcmp(v, " ") == 0)
		v = "";
	/* The kernel's loadparm_store() rules, checked here so nothing fails half-way. */
	if (v[0] == ' ')
		return reipl_fail(err, -EINVAL, "Loadparm \"%s\" must not start with a blank", v);
	for (i = 0; v[i]; i++) {
		char c = v[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == ' ' || c == '.'))
			return reipl_fail(err, -EINVAL,
					  "Loadparm \"%s\" has an invalid character: only letters, "
					  "digits, blanks and dots are allowed",
					  v);
	}
	strcpy(t->loadparm, v);
	return 0;
}

static int set_bootparms(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	size_t i, len = strlen(v);

	for (i = 0; i < len; i++)
		if ((unsigned char)v[i] > 0x7f)
			return reipl_fail(err, -EINVAL,
					  "Non ASCII characters found in boot "
					  "parameters");
	if (len >= REIPL_BOOTPARMS_LINE)
		return reipl_fail(err, -EINVAL, "Boot parameter line is too long");
	memcpy(t->bootparms, v, len + 1);
	return 0;
}

static int set_clear(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
		return reipl_fail(err, -EINVAL, "re-IPL clear argument must be either 1 or 0");
	t->clear = v[0] - '0';
	return 0;
}

static int set_name(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	size_t i, len = strlen(v);

	if (len > REIPL_NSS_NAME_MAX)
		return reipl_fail(err, -EINVAL,
				  "NSS name \"%.40s\" exceeds maximum of 8 characters", v);
	if (len == 0)
		return reipl_fail(err, -EINVAL, "NSS name must not be empty");
	/* z/VM saved-segment names: letters, digits and the national characters $#@. */
	for (i = 0; i < len; i++) {
		char c = v[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '$' || c == '#' || c == '@'))
			return reipl_fail(err, -EINVAL, "NSS name \"%s\" has an invalid character",
					  v);
	}
	memcpy(t->name, v, len + 1);
	return 0;
}

/* Parse one base-0 number (as the kernel's kstrtouint with base 0) ending at @end. */
static int parse_base0(const char *s, const char *end, uint64_t max, uint64_t *val)
{
	char num[24];
	size_t len = (size_t)(end - s);

	if (len == 0 || len >= sizeof(num))
		return -EINVAL;
	memcpy(num, s, len);
	num[len] = '\0';
	if (num[0] == '0' && (num[1] == 'x' || num[1] == 'X'))
		return reipl_parse_hex(num, max, val);
	if (num[0] == '0' && num[1]) {
		/* Octal, as the kernel reads it. */
		uint64_t v = 0;
		size_t i;

		for (i = 1; i < len; i++) {
			if (num[i] < '0' || num[i] > '7' ||
			    v > (max - (uint64_t)(num[i] - '0')) / 8)
				return -EINVAL;
			v = v * 8 + (uint64_t)(num[i] - '0');
		}
		*val = v;
		return 0;
	}
	return reipl_parse_dec(num, max, val);
}

/* The kernel's eckd br_chr: "auto" or C,H,R (comma or blank separated). */
static int set_brchr(struct reipl_target *t, const char *v, struct reipl_error *err)
{
	uint64_t chr[3];
	const char *s = v, *end;
	int i;

	if (strcmp(v, "auto") == 0) {
		strcpy(t->brchr, "auto");
		return 0;
	}
	for (i = 0; i < 3; i++) {
		end = s + strcspn(s, ", ");
		if (parse_base0(s, end, i == 0 ? UINT32_MAX : 255, &chr[i]) || (i < 2 && !*end) ||
		    (i == 2 && *end))
			return reipl_fail(err, -EINVAL,
					  "Boot record location \"%.40s\" must be \"auto\" or "
					  "C,H,R (cylinder up to 4294967295, head and record up "
					  "to 255)",
					  v);
		s = end + 1;
	}
	if (chr[2] == 0 && (chr[0] || chr[1]))
		return reipl_fail(err, -EINVAL,
				  "Boot record location \"%.40s\": the record must not be 0", v);
	/* Written as the kernel shows it, so that the read-back compares equal: 0,0,0 is
	 * what it calls "auto". */
	if (!chr[0] && !chr[1] && !chr[2]) {
		strcpy(t->brchr, "auto");
		return 0;
	}
	snprintf(t->brchr, sizeof(t->brchr), "0x%llx,0x%llx,0x%llx", (unsigned long long)chr[0],
		 (unsigned long long)chr[1], (unsigned long long)chr[2]);
	return 0;
}

/* Store one value, from an option or a positional parameter. */
static int set_value(struct reipl_target *t, unsigned int opt, const char *v,
		     struct reipl_error *err)
{
	int rc = 0;

	switch (opt) {
	case REIPL_OPT_DEVICE:
		rc = set_device(t, v, err);
		break;
	case REIPL_OPT_WWPN:
		rc = set_hex64(&t->wwpn, "WWPN", v, err);
		break;
	case REIPL_OPT_LUN:
		rc = set_hex64(&t->lun, "LUN", v, err);
		break;
	case REIPL_OPT_BOOTPROG:
		rc = set_u32(&t->bootprog, false, "Bootprog", v, err);
		break;
	case REIPL_OPT_LOADPARM:
		rc = set_loadparm(t, v, err);
		break;
	case REIPL_OPT_BOOTPARMS:
		rc = set_bootparms(t, v, err);
		break;
	case REIPL_OPT_CLEAR:
		rc = set_clear(t, v, err);
		break;
	case REIPL_OPT_FID:
		rc = set_u32(&t->fid, true, "FID", v, err);
		break;
	case REIPL_OPT_NSID:
		rc = set_u32(&t->nsid, false, "NSID", v, err);
		if (!rc && t->nsid == 0)
			rc = reipl_fail(err, -EINVAL, "NSID must not be 0");
		break;
	case REIPL_OPT_NAME:
		rc = set_name(t, v, err);
		break;
	case REIPL_OPT_BRCHR:
		rc = set_brchr(t, v, err);
		break;
	default:
		break;
	}
	if (!rc)
		t->opts |= opt;
	return rc;
}

static int add_positional(struct reipl_target *t, const char *arg, struct reipl_error *err)
{
	if (t->npos == REIPL_POSITIONAL_MAX)
		return reipl_fail(err, -E2BIG, "Too many arguments specified");
	t->pos[t->npos++] = arg;
	return 0;
}

/* One option with its value (NULL for flags). */
static int take_option(struct reipl_target *t, const struct option_def *o, const char *value,
		       struct reipl_error *err)
{
	if (o->opt == REIPL_OPT_FORCE || o->opt == REIPL_OPT_HELP || o->opt == REIPL_OPT_VERSION) {
		t->opts |= o->opt;
		return 0;
	}
	if (o->opt != REIPL_OPT_LOADPARM && o->opt != REIPL_OPT_BOOTPARMS &&
	    o->opt != REIPL_OPT_CLEAR && o->opt != REIPL_OPT_BOOTPROG && o->opt != REIPL_OPT_BRCHR)
		t->options_used = true;
	return set_value(t, o->opt, value, err);
}

/*
 * A long option by its whole name or, as getopt_long allows and chreipl therefore does,
 * by a prefix that only one option has ("--dev", "--load").
 */
static const struct option_def *find_long(const char *name, size_t len, const char *arg,
					  struct reipl_error *err)
{
	const struct option_def *found = NULL;
	size_t k;

	for (k = 0; k < N_OPTIONS; k++) {
		const struct option_def *o = &options[k];

		if (strncmp(o->name, name, len) != 0)
			continue;
		if (strlen(o->name) == len)
			return o;
		if (found) {
			reipl_fail(err, -EINVAL, "Option \"%.40s\" is ambiguous", arg);
			return NULL;
		}
		found = o;
	}
	if (!found || len == 0)
		reipl_fail(err, -EINVAL, "Invalid option \"%.40s\"", arg);
	return len ? found : NULL;
}

static int parse_long(struct reipl_target *t, const char *arg, int *i, int argc, char *const argv[],
		      struct reipl_error *err)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct option_def *o = find_long(name, len, arg, err);

	if (!o)
		return -EINVAL;
	if (!o->has_arg) {
		if (eq)
			return reipl_fail(err, -EINVAL, "Option --%s does not take an argument",
					  o->name);
		return take_option(t, o, NULL, err);
	}
	if (eq)
		return take_option(t, o, eq + 1, err);
	if (*i + 1 >= argc)
		return reipl_fail(err, -EINVAL, "Option --%s requires an argument", o->name);
	return take_option(t, o, argv[++*i], err);
}

static int parse_short(struct reipl_target *t, const char *arg, int *i, int argc,
		       char *const argv[], struct reipl_error *err)
{
	const char *p;
	size_t k;
	int rc;

	for (p = arg + 1; *p; p++) {
		const struct option_def *o = NULL;

		for (k = 0; k < N_OPTIONS; k++)
			if (options[k].letter && options[k].letter == *p)
				o = &options[k];
		if (!o)
			return reipl_fail(err, -EINVAL, "Invalid option \"-%c\"", *p);
		if (!o->has_arg) {
			rc = take_option(t, o, NULL, err);
			if (rc || (t->opts & (REIPL_OPT_HELP | REIPL_OPT_VERSION)))
				return rc;
			continue;
		}
		/* getopt: the rest of the cluster, or else the next word, is the value. */
		if (p[1])
			return take_option(t, o, p + 1, err);
		if (*i + 1 >= argc)
			return reipl_fail(err, -EINVAL, "Option -%c requires an argument", *p);
		return take_option(t, o, argv[++*i], err);
	}
	return 0;
}

int reipl_args_parse(int argc, char *const argv[], struct reipl_target *t, struct reipl_error *err)
{
	bool options_done = false;
	int i = 0, rc;
	size_t k;

	memset(t, 0, sizeof(*t));
	t->clear = -1;
	if (argc > 0) {
		for (k = 0; k < N_TYPES; k++)
			if (strcmp(argv[0], types[k].name) == 0)
				t->type = types[k].type;
		if (t->type != REIPL_TYPE_NONE) {
			i = 1;
		} else if (argv[0][0] != '-') {
			/* chreipl: a first word that is no keyword is a bus-ID or a path. */
			t->detect = true;
		}
	}
	for (; i < argc; i++) {
		const char *arg = argv[i];

		if (options_done || arg[0] != '-' || arg[1] == '\0')
			rc = add_positional(t, arg, err);
		else if (strcmp(arg, "--") == 0)
			rc = 0, options_done = true;
		else if (arg[1] == '-')
			rc = parse_long(t, arg, &i, argc, argv, err);
		else
			rc = parse_short(t, arg, &i, argc, argv, err);
		if (rc)
			return rc;
		/* As with getopt: help or version wins over everything not read yet. */
		if (t->opts & (REIPL_OPT_HELP | REIPL_OPT_VERSION))
			return 0;
	}
	if (t->type == REIPL_TYPE_NONE && !t->detect)
		return reipl_fail(err, -EINVAL, "No valid target specified");
	if (t->detect)
		return 0;
	return reipl_target_finish(t, err);
}

static int too_many(const struct reipl_target *t, struct reipl_error *err)
{
	return reipl_fail(err, -EINVAL, "Too many arguments specified for \"%s\" re-IPL type",
			  reipl_type_name(t->type));
}

/* Map positional parameters to values for t->type. */
static int take_positionals(struct reipl_target *t, struct reipl_error *err)
{
	static const unsigned int fcp[] = { REIPL_OPT_DEVICE, REIPL_OPT_WWPN, REIPL_OPT_LUN };
	static const unsigned int nvme[] = { REIPL_OPT_FID, REIPL_OPT_NSID };
	const unsigned int *order = NULL;
	int k, max = 0, min = 0, rc;
	unsigned int dev = REIPL_OPT_DEVICE, name = REIPL_OPT_NAME;

	switch (t->type) {
	case REIPL_TYPE_CCW:
	case REIPL_TYPE_ECKD:
		order = &dev, min = max = 1;
		break;
	case REIPL_TYPE_FCP:
		order = fcp, min = max = 3;
		break;
	case REIPL_TYPE_NVME:
		order = nvme, min = 1, max = 2;
		break;
	case REIPL_TYPE_NSS:
		order = &name, min = max = 1;
		break;
	case REIPL_TYPE_NODE:
		if (t->npos > 1)
			return too_many(t, err);
		if (t->npos == 1) {
			if (strlen(t->pos[0]) >= sizeof(t->node))
				return reipl_fail(err, -ENAMETOOLONG,
						  "Device node path is too long");
			strcpy(t->node, t->pos[0]);
		}
		return 0;
	default:
		break;
	}
	if (t->npos > max)
		return too_many(t, err);
	if (t->npos == 0)
		return 0;
	if (t->options_used)
		return reipl_fail(err, -EINVAL, "Use either options or positional parameters");
	if (t->npos < min)
		return 0; /* reported as a missing value below */
	for (k = 0; k < t->npos; k++) {
		rc = set_value(t, order[k], t->pos[k], err);
		if (rc)
			return rc;
	}
	return 0;
}

static int require_values(const struct reipl_target *t, struct reipl_error *err)
{
	unsigned int o = t->opts;

	switch (t->type) {
	case REIPL_TYPE_CCW:
	case REIPL_TYPE_ECKD:
		if (!(o & REIPL_OPT_DEVICE))
			return reipl_fail(err, -EINVAL, "The \"%s\" target requires device",
					  reipl_type_name(t->type));
		break;
	case REIPL_TYPE_FCP:
		if ((o & (REIPL_OPT_DEVICE | REIPL_OPT_WWPN | REIPL_OPT_LUN)) !=
		    (REIPL_OPT_DEVICE | REIPL_OPT_WWPN | REIPL_OPT_LUN))
			return reipl_fail(err, -EINVAL,
					  "The \"fcp\" target requires device, WWPN, and LUN");
		break;
	case REIPL_TYPE_NVME:
		if (!(o & REIPL_OPT_FID))
			return reipl_fail(err, -EINVAL,
					  "The \"nvme\" target requires FID, and optional NSID");
		break;
	case REIPL_TYPE_NSS:
		if (!(o & REIPL_OPT_NAME))
			return reipl_fail(err, -EINVAL, "The \"nss\" target requires NSS name");
		break;
	case REIPL_TYPE_NODE:
		if (!t->node[0])
			return reipl_fail(
				err, -EINVAL,
				"The \"node\" target requires a device node or directory");
		break;
	default:
		break;
	}
	return 0;
}

int reipl_target_check(const struct reipl_target *t, struct reipl_error *err)
{
	unsigned int bad = t->opts & ~allowed_options(t->type);
	size_t len, max;
	char spelled[16];

	if (bad) {
		unsigned int first = bad & -bad;

		if (t->type == REIPL_TYPE_NODE)
			return reipl_fail(err, -EINVAL,
					  "Do not use device, WWPN, or LUN for \"node\" target");
		return reipl_fail(err, -EINVAL, "Invalid option %s for \"%s\" target specified",
				  option_spelling(first, spelled), reipl_type_name(t->type));
	}
	if (!(t->opts & REIPL_OPT_BOOTPARMS))
		return 0;
	len = strlen(t->bootparms);
	switch (t->type) {
	case REIPL_TYPE_CCW:
	case REIPL_TYPE_AUTO:
		max = REIPL_CCW_PARM_MAX;
		break;
	case REIPL_TYPE_NSS:
		max = REIPL_NSS_PARM_MAX;
		break;
	default:
		max = REIPL_SCPDATA_MAX;
		break;
	}
	if (len > max)
		return reipl_fail(err, -EINVAL, "Maximum boot parameter length exceeded (%zu/%zu)",
				  len, max);
	return 0;
}

/*
 * The device as the kernel's store() takes it: an fcp device only in subchannel set 0
 * (0.0.xxxx). 0, or -EINVAL, so that nothing is written.
 */
static int device_check(const struct reipl_target *t, struct reipl_error *err)
{
	char busid[REIPL_BUSID_LEN];

	/*
	 * The kernel reads "0.%x.%x" for ccw and eckd (set_device already wants cssid 0) but
	 * "0.0.%x" for fcp: any other FCP device is EINVAL, after the writes before it.
	 */
	if (t->type != REIPL_TYPE_FCP)
		return 0;
	reipl_busid_format(&t->device, busid);
	if (t->device.ssid != 0)
		return reipl_fail(
			err, -EINVAL,
			"Device %s: the kernel takes FCP devices only from subchannel set "
			"0 (0.0.xxxx)",
			busid);
	return 0;
}

int reipl_target_finish(struct reipl_target *t, struct reipl_error *err)
{
	int rc;

	t->detect = false;
	rc = reipl_target_check(t, err);
	if (rc)
		return rc;
	rc = take_positionals(t, err);
	if (rc)
		return rc;
	rc = require_values(t, err);
	if (rc)
		return rc;
	rc = device_check(t, err);
	if (rc)
		return rc;
	/* chreipl: a FID without NSID means namespace 1. */
	if (t->type == REIPL_TYPE_NVME && !(t->opts & REIPL_OPT_NSID))
		t->nsid = 1;
	return 0;
}

int reipl_args_parse_text(char *text, char **argv, int max, struct reipl_target *t,
			  struct reipl_error *err)
{
	int argc = reipl_cmdline_split(text, argv, max), rc;

	if (argc == 0)
		return reipl_fail(err, -EINVAL, "No valid target specified");
	if (argc < 0)
		return reipl_fail(err, -EINVAL, "Too many arguments specified");
	rc = reipl_args_parse(argc, argv, t, err);
	if (!rc && (t->opts & (REIPL_OPT_HELP | REIPL_OPT_VERSION)))
		return reipl_fail(err, -EINVAL,
				  "No valid target specified: \"-h\" and \"-v\" "
				  "ask for help or version, which only the command "
				  "line tool gives");
	return rc ? rc : argc;
}

int reipl_target_text_check(const char *text, struct reipl_target *t, struct reipl_error *err)
{
	char words[REIPL_CMDLINE_MAX], *argv[64]; /* as many words as the helper takes */
	struct reipl_busid id;
	int rc;

	if (strlen(text) >= sizeof(words))
		return reipl_fail(err, -E2BIG, "the target is too long");
	if (strchr(text, '\n'))
		return reipl_fail(err, -EINVAL, "the target must be one line");
	strcpy(words, text);
	rc = reipl_args_parse_text(words, argv, 64, t, err);
	if (rc < 0)
		return rc;
	/* Detection needs the guest's devices; what it needs from the text can fail now. */
	if (t->detect && t->pos[0][0] != '/' && reipl_busid_parse(t->pos[0], &id) != 0)
		return reipl_fail(err, -EINVAL,
				  "No valid target specified: \"%.40s\" is no target, bus-ID or "
				  "path",
				  t->pos[0]);
	/* The words point into this function's buffer: keep nothing that refers to them. */
	memset(t->pos, 0, sizeof(t->pos));
	return 0;
}

int reipl_target_payload_check(const struct reipl_target *t, struct reipl_error *err)
{
	struct reipl_busid id;

	if (t->detect && reipl_busid_parse(t->pos[0], &id) != 0)
		return reipl_fail(err, -EINVAL,
				  "No valid target specified: \"%.40s\" is no target or bus-ID",
				  t->pos[0]);
	if (!t->detect && t->type != REIPL_TYPE_CCW && t->type != REIPL_TYPE_AUTO)
		return reipl_fail(err, -EINVAL,
				  "the \"%s\" target needs Linux: serve the re-IPL helper "
				  "(reboot-initrd.img) for it",
				  reipl_type_name(t->type));
	if (t->opts & REIPL_OPT_BOOTPARMS)
		return reipl_fail(err, -EINVAL,
				  "boot parameters (-p) exist only on z/VM, not for KVM guests");
	return 0;
}
