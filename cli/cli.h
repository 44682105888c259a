/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cli.h - what the reboot-s390x subcommands share: the context and error reporting.
 */
#ifndef REBOOT_S390X_CLI_H
#define REBOOT_S390X_CLI_H

#include <stdbool.h>
#include <stdio.h>

#define PROGRAM "reboot-s390x"

struct cli_ctx {
	const char *sysroot; /* "/" unless --sysroot */
};

/* @s with control characters as \xNN, as util-linux prints untrusted text. */
void cli_put_escaped(FILE *f, const char *s);

/* @word as one word of a shell command line: as it is when it holds nothing the shell
 * would read as syntax, else in single quotes (cli/shellword.c). */
void cli_put_shell_word(FILE *f, const char *word);

/* Print "reboot-s390x: error: ..." on stderr, one line; returns EXIT_FAILURE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The refusal of --json by the static s390x build, which has no libsmartcols. */
int cli_no_json(const char *command);

/* Print "reboot-s390x: warning: ..." on stderr, one line. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when @arg is -h or --help. */
bool cli_is_help(const char *arg);

/* The TFTP root when no --root is given: $REBOOT_S390X_TFTP_ROOT, else CLI_TFTP_ROOT. */
#define CLI_TFTP_ROOT "/var/lib/tftpboot" /* the seed's, and most distributions' */
const char *cli_tftp_root(void);

/*
 * getopt_long over a subcommand's arguments, as util-linux parses: options anywhere,
 * "--opt=value" and "--opt value", "-oVALUE", "--" ends them. @argv[-1] is the
 * command's name (getopt's argv[0]); @shortopts starts with ':'. Call
 * cli_getopt_begin() first. Afterwards the operands are argv[optind - 1 .. argc - 1].
 */
struct option;
void cli_getopt_begin(void);
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* The one error line for what cli_getopt returned ('?' or ':'); returns EXIT_FAILURE. */
int cli_getopt_fail(const char *command, char **argv, int c);

/* Flush stdout and report a failure to write it (a full disk, a closed pipe). */
int cli_close_stdout(int status);

/* The static s390x init and the payload installed with this program (see report.c). */
const char *cli_installed_init(void);
const char *cli_installed_payload(void);

int cmd_set(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_show(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_devices(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_mkinitrd(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_pxe(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_doctor(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_boot_order(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_reprovision(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_watch(const struct cli_ctx *ctx, int argc, char **argv);

struct pxe_findings;

/* Findings as "subject[:line]: error|warning|note: message" lines on stdout. */
void cli_print_findings(const struct pxe_findings *f);

/* "N errors, N warnings" on stdout; EXIT_FAILURE when there are errors. */
int cli_findings_summary(const struct pxe_findings *f);

/*
 * The findings as lines and the count, or with @json as {"findings": [{"subject",
 * "line", "severity", "message"}]}; EXIT_FAILURE when there are errors.
 */
int cli_findings_report(const struct pxe_findings *f, bool json);

#endif
