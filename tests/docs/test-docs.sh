#!/bin/bash
# test-docs.sh - the documentation says what the programs do: every option that a
# command's --help offers is in its man page, and the limits the code enforces (the
# constants in lib/) are the figures the README, the man page and --help print.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cli=${CLI:-$top/build/reboot-s390x}
init=${INIT:-$top/build/reboot-s390x-init}
man8=$top/man/reboot-s390x.8
initman=$top/man/reboot-s390x-init.8
readme=$top/README.md
. "$top/tests/check.sh"

# The man page with roff's escapes undone: "\-\-json" reads "--json".
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(en/-/g' "$1"; }

# options_documented WHAT MANPAGE HELP-TEXT: each --long option of the help is in the page
options_documented() {
	local what=$1 page=$2 help=$3 opt
	for opt in $(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
		if grep -qE -- "(^|[^a-z-])$opt([^a-z-]|$)" <(plain "$page"); then
			ok "$what: $opt is in $(basename "$page")"
		else
			fail "$what: $opt is in --help but not in $(basename "$page")"
		fi
	done
}

# completed WHAT HELP-TEXT: each --long option of the help is offered by the bash completion
completion=$top/completion/reboot-s390x
completed() {
	local opt
	for opt in $(grep -oE -- '--[a-z][a-z-]*' <<<"$2" | sort -u); do
		# (set's help shows prefixes such as --dev: a completed option may go on)
		if grep -qE -- "(['[:space:]])$opt" "$completion"; then
			ok "$1: $opt is in the bash completion"
		else
			fail "$1: $opt is in --help but not in the bash completion"
		fi
	done
}

for cmd in set show devices mkinitrd pxe doctor boot-order reprovision watch; do
	help=$("$cli" "$cmd" --help) || { fail "$cmd --help: exit $?"; continue; }
	options_documented "$cmd" "$man8" "$help"
	completed "$cmd" "$help"
	check "the bash completion knows '$cmd'" 'grep -q "^	$cmd)" "$completion"'
done

# complete WORDS...: what the completion offers for the last word, as bash would ask
complete_words() {
	bash -c '. /usr/share/bash-completion/bash_completion && . "$1" && shift &&
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE} &&
		_reboot_s390x && printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
check "bash-completion is installed" '[[ -f /usr/share/bash-completion/bash_completion ]]'
check "completion: 're' is reprovision" '[[ $(complete_words reboot-s390x re) == reprovision ]]'
check "completion: pxe install --o is --once" '[[ $(complete_words reboot-s390x pxe install --o) == --once ]]'
check "completion: --method p is payload" '[[ $(complete_words reboot-s390x pxe local x --method p) == payload ]]'
# pxe's own --help shows the commands; each command's shows its options.
for sub in local install show setup list remove check; do
	help=$("$cli" pxe "$sub" --help) || { fail "pxe $sub --help: exit $?"; continue; }
	options_documented "pxe $sub" "$man8" "$help"
	completed "pxe $sub" "$help"
	offered=$(complete_words reboot-s390x pxe "$sub" -- | sort | tr '\n' ' ')
	listed=$(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u | tr '\n' ' ')
	check "completion of 'pxe $sub -' offers what its --help lists" '[[ $offered == "$listed" ]]' \
		"offers '$offered', its --help lists '$listed'"
done
options_documented "reboot-s390x" "$man8" "$("$cli" --help)"
options_documented "reboot-s390x-init" "$initman" "$("$init" --help)"

# constant FILE NAME: the value of #define NAME in FILE
constant() {
	sed -nE "s/^#define[[:space:]]+$2[[:space:]]+([0-9]+).*/\1/p" "$top/$1"
}

# figure NAME VALUE WHERE PATTERN: PATTERN, with @ standing for VALUE, is in WHERE
# (readme, man, or help:COMMAND)
figure() {
	local name=$1 value=$2 where=$3 pattern=${4//@/$2} text
	[[ -n $value ]] || { fail "$name: no value found in the code"; return; }
	case $where in
	readme) text=$(cat "$readme") ;;
	man) text=$(plain "$man8") ;;
	help:*) text=$("$cli" "${where#help:}" --help) ;;
	esac
	text=$(tr -s ' \n' '  ' <<<"$text")
	if [[ $text == *"$pattern"* ]]; then ok "$name ($value): '$pattern' in $where"; else fail "$name ($value): '$pattern' not in $where"; fi
}

loadparm=$(constant lib/reipl/target.h REIPL_LOADPARM_MAX)
figure "loadparm length" "$loadparm" help:set "up to @ of A-Z"
figure "loadparm length" "$loadparm" man "up to @ of A-Z"
ccwparm=$(constant lib/reipl/target.h REIPL_CCW_PARM_MAX)
nssparm=$(constant lib/reipl/target.h REIPL_NSS_PARM_MAX)
scpdata=$(constant lib/reipl/target.h REIPL_SCPDATA_MAX)
figure "boot parameters" "$ccwparm" man "at most @ characters for ccw"
figure "boot parameters" "$nssparm" man "@ for nss"
figure "boot parameters" "$scpdata" man "@ otherwise"
nssname=$(constant lib/reipl/target.h REIPL_NSS_NAME_MAX)
figure "NSS name" "$nssname" man "at most @ letters"
buffer=$(constant lib/pxe/pxecfg.h PXE_CFG_BUFFER)
figure "pxelinux file size" "$((buffer - 1))" man "over @ bytes"
figure "pxelinux file size" "$((buffer - 1))" readme "over @ bytes"
append=$(constant lib/pxe/pxecfg.h PXE_APPEND_MAX)
figure "append length" "$append" man "append lines of @ bytes or more"
figure "append length" "$append" readme "of @ bytes or more"
path=$(constant lib/pxe/pxecfg.h PXE_PATH_MAX)
figure "kernel and initrd names" "$path" man "names over @ bytes"
figure "kernel and initrd names" "$path" readme "names over @"

summary
