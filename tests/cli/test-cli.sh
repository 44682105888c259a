#!/usr/bin/env bash
# test-cli.sh - the built programs against copies of the fixture trees.
#
# Each check runs reboot-s390x or reboot-s390x-init (the sanitizer builds unless BIN is
# set) and asserts the exit status, the output, and for every refused input: exactly one
# "reboot-s390x: error: ..." line on stderr and a tree left byte for byte unchanged.
#
# KERNEL_SYSFS=1 runs every check on fixtures whose sys/firmware is served as the s390
# kernel serves it (tests/sysfs/kernel-sysfs, a FUSE file system): refused values are
# EINVAL, zero-length writes change nothing, values read back as the kernel shows them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$top/build/san}
FIXTURES=$top/tests/fixtures
cli=$BIN/reboot-s390x
init=$BIN/reboot-s390x-init
work=$(mktemp -d)
mounts=()
cleanup() {
	local m
	for m in "${mounts[@]}"; do fusermount3 -u "$m" 2>/dev/null; done
	wait
	rm -rf "$work"
}
. "$top/tests/check.sh"
trap cleanup EXIT

# fresh NAME: a private copy of fixture NAME in $root (with KERNEL_SYSFS=1, its
# sys/firmware served by the kernel model)
fresh() {
	root=$(mktemp -d "$work/$1.XXXXXX")
	cp -a "$FIXTURES/$1/." "$root"
	if [[ -n ${KERNEL_SYSFS:-} ]]; then
		"$top/build/tests/kernel-sysfs" "$root/sys/firmware" &
		mounts+=("$root/sys/firmware")
		for _ in $(seq 100); do
			mountpoint -q "$root/sys/firmware" && return 0
			sleep 0.05
		done
		echo "test-cli: cannot mount the kernel model on $root/sys/firmware" >&2
		exit 1
	fi
}

digest() {
	(cd "$1" && find . -type f -exec sha256sum {} + | sort && find . -type l -printf '%p -> %l\n' | sort)
}

# run PROG ARGS...: sets out, err, status
run() {
	out=$("$@" 2>"$work/stderr")
	status=$?
	err=$(cat "$work/stderr")
}

# succeeds NAME EXPECTED-STDOUT-SUBSTRING PROG ARGS...: exit 0, stdout has it, no stderr
succeeds() {
	local name=$1 want=$2
	shift 2
	run "$@"
	if ((status != 0)); then
		fail "$name: exit $status" "$err"
	elif [[ $out != *"$want"* ]]; then
		fail "$name: output lacks '$want'" "$out"
	elif [[ -n $err ]]; then
		fail "$name: unexpected stderr" "$err"
	else
		ok "$name"
	fi
}

# refused NAME EXPECTED-MESSAGE PROG ARGS...: exit 1, one error line, $root unchanged
refused() {
	local name=$1 want=$2 before after
	shift 2
	before=$(digest "$root")
	run "$@"
	after=$(digest "$root")
	if ((status != 1)); then
		fail "$name: exit $status, not 1" "$out$err"
	elif [[ $err != "reboot-s390x: error: $want" ]]; then
		fail "$name: stderr is not the one expected line" "got:  $err
want: reboot-s390x: error: $want"
	elif [[ $before != "$after" ]]; then
		fail "$name: the tree changed" "$(diff <(echo "$before") <(echo "$after"))"
	else
		ok "$name"
	fi
}

# file_is NAME REL WANT: content of $root/REL (without trailing newline)
file_is() {
	local got
	got=$(cat "$root/$2")
	if [[ $got == "$3" ]]; then ok "$1"; else fail "$1: $2 is '$got', not '$3'"; fi
}

# listed NAME ROOT FILE BOOTS METHOD TARGET: `pxe list --json` has that entry
listed() {
	local name=$1 json
	json=$("$cli" pxe --root "$2" list --json) || { fail "$name: pxe list --json failed" ""; return; }
	if python3 -c '
import json, sys
entries = json.loads(sys.argv[1])["entries"]
want = dict(zip(["file", "boots", "method", "target"], sys.argv[2:]))
sys.exit(0 if any(all(e.get(k) == v for k, v in want.items()) for e in entries) else 1)
' "$json" "${@:3}"; then ok "$name"; else fail "$name" "$json"; fi
}

# json_ok NAME PYTHON-EXPR PROG ARGS...: exit 0 and stdout is JSON `d` for which the
# expression holds
json_ok() {
	local name=$1 expr=$2
	shift 2
	run "$@"
	if ((status != 0)); then
		fail "$name: exit $status" "$err"
	elif python3 -c 'import json, sys
d = json.loads(sys.argv[1])
sys.exit(0 if eval(sys.argv[2]) else 1)' "$out" "$expr" 2>/dev/null; then
		ok "$name"
	else
		fail "$name: JSON lacks: $expr" "$out"
	fi
}

# cmdline TEXT: the kernel command line of $root
cmdline() { printf '%s\n' "$1" >"$root/proc/cmdline"; }

### help and version
fresh kvm-netboot
succeeds "--help" "Usage:" "$cli" --help
succeeds "-h" "For more details see reboot-s390x(8)." "$cli" -h
succeeds "--version" "reboot-s390x 0." "$cli" --version
succeeds "set --help" "set [--dry-run] [ccw] <device>" "$cli" set --help
succeeds "show --help" "show [--ipl]" "$cli" show --help
succeeds "devices --help" "List the CCW devices" "$cli" devices --help
succeeds "init --help" "reboot-s390x-init [--sysroot <dir>]" "$init" --help
succeeds "init --version" "reboot-s390x-init 0." "$init" -V

### show and devices
succeeds "show" $'Re-IPL type: ccw\nDevice:      0.0.0001\nLoadparm:    ""\nclear:       0' \
	"$cli" --sysroot "$root" show
succeeds "show --ipl" $'IPL type:    ccw\nDevice:      0.0.0001' "$cli" --sysroot="$root" show --ipl
succeeds "show -i" "IPL type:" "$cli" --sysroot "$root" show -i
succeeds "devices" "0.0.0002   virtio-blk      3832/02  n/a      yes     virtio_ccw  disk" \
	"$cli" --sysroot "$root" devices
json_ok "show --json" 'd == {"reipl": [{"type": "ccw", "device": "0.0.0001", "loadparm": None, "clear": "0"}]}' \
	"$cli" --sysroot "$root" show --json
json_ok "show --ipl -J" 'd["ipl"][0]["type"] == "ccw" and d["ipl"][0]["device"] == "0.0.0001"' \
	"$cli" --sysroot "$root" show --ipl -J
json_ok "devices --json" 'd["devices"][1] == {"device": "0.0.0002", "kind": "virtio-blk", "cutype": "3832/02", "devtype": "n/a", "online": "yes", "driver": "virtio_ccw", "note": "disk"} and d["devices"][0]["note"] == "IPL device"' \
	"$cli" --sysroot "$root" devices --json

### set
fresh kvm-netboot
succeeds "set --dry-run" '/sys/firmware/reipl/ccw/device     "0.0.0002"' \
	"$cli" --sysroot "$root" set --dry-run 0.0.2
file_is "dry-run writes nothing" sys/firmware/reipl/ccw/device 0.0.0001
succeeds "set prints the new settings" $'Re-IPL type: ccw\nDevice:      0.0.0002\nLoadparm:    "LP1"\nclear:       1' \
	"$cli" --sysroot "$root" set 0.0.0002 -L LP1
file_is "set device" sys/firmware/reipl/ccw/device 0.0.0002
file_is "set clear" sys/firmware/reipl/ccw/clear 1
succeeds "set the network card (allowed for set)" "Device:      0.0.0001" \
	"$cli" --sysroot "$root" set ccw 0.0.0001
succeeds "set fcp -f" "WWPN:        0x0000000000000001" \
	"$cli" --sysroot "$root" set fcp -f 0.0.1700 1 2
file_is "fcp reipl_type" sys/firmware/reipl/reipl_type fcp
# chreipl's habits: -h and -v wherever they stand, long options by unique prefix,
# --dry-run (ours) anywhere.
succeeds "set -h after arguments" "set [--dry-run] [ccw] <device>" "$cli" --sysroot "$root" set ccw 2 -h
succeeds "set --help after arguments" "Usage:" "$cli" --sysroot "$root" set ccw 2 --he
succeeds "set -v" "reboot-s390x set (chreipl) 0." "$cli" --sysroot "$root" set -v
succeeds "set --version last" "reboot-s390x set (chreipl) 0." "$cli" --sysroot "$root" set 2 --version
succeeds "set --dev --load prefixes" '/sys/firmware/reipl/ccw/loadparm   "LP2"' \
	"$cli" --sysroot "$root" set ccw --dev 0.0.0002 --load LP2 --dry-run
refused "set --l is ambiguous" 'Option "--l" is ambiguous' "$cli" --sysroot "$root" set ccw 2 --l 1
fresh lpar
refused "set a qeth card" 'Could not find DASD CCW device "0.0.f500": it is a qeth (-f forces it)' \
	"$cli" --sysroot "$root" set 0.0.f500
succeeds "set a qeth card with -f" '/sys/firmware/reipl/ccw/device     "0.0.f500"' \
	"$cli" --sysroot "$root" set --dry-run ccw 0.0.f500 -f
refused "set fcp 0.1.1700" "Device 0.1.1700: the kernel takes FCP devices only from subchannel set 0 (0.0.xxxx)" \
	"$cli" --sysroot "$root" set fcp 0.1.1700 0x1 0x2 -f

### refused by the command line tool
fresh kvm-netboot
refused "no command" "no command given (see 'reboot-s390x --help')" "$cli" --sysroot "$root"
refused "unknown command" "unknown command 'frob' (see 'reboot-s390x --help')" \
	"$cli" --sysroot "$root" frob
refused "unknown option" "unknown option '--frob' (see 'reboot-s390x --help')" "$cli" --frob show
refused "--sysroot without dir" "option '--sysroot' requires a directory" "$cli" --sysroot
refused "--sysroot not a dir" "sysroot '$root/nope' is not a directory" \
	"$cli" --sysroot "$root/nope" show
refused "set without target" "set: no target given (see 'reboot-s390x set --help')" \
	"$cli" --sysroot "$root" set
refused "set --dry-run without target" "set: no target given (see 'reboot-s390x set --help')" \
	"$cli" --sysroot "$root" set --dry-run
refused "show extra" "show: unexpected argument 'x'" "$cli" --sysroot "$root" show x
refused "devices extra" "devices: unexpected argument 'x'" "$cli" --sysroot "$root" devices x
refused "show unknown option" "show: unknown option '--frob' (see 'reboot-s390x show --help')" "$cli" --sysroot "$root" show --frob
succeeds "show -iJ (grouped short options)" '"ipl": [' "$cli" --sysroot "$root" show -iJ
refused "set absent device" 'Could not find CCW device "0.0.0009"' \
	"$cli" --sysroot "$root" set 0.0.0009
refused "set bad bus-ID" 'Invalid device number "0.0.12345" specified' \
	"$cli" --sysroot "$root" set ccw 0.0.12345
refused "set long loadparm" 'Loadparm "123456789" exceeds 8 characters' \
	"$cli" --sysroot "$root" set ccw 0.0.0002 -L 123456789
refused "set bad clear" "re-IPL clear argument must be either 1 or 0" \
	"$cli" --sysroot "$root" set ccw 0.0.0002 -c yes
refused "set eckd on KVM" \
	'The running kernel does not offer re-IPL type "eckd" (no /sys/firmware/reipl/eckd)' \
	"$cli" --sysroot "$root" set eckd 0.0.0002
refused "set parm on KVM" "System does not allow one to set boot parameters" \
	"$cli" --sysroot "$root" set 0.0.0002 -p quiet
refused "set nonsense" 'No valid target specified: "frob" is no target, bus-ID or existing path' \
	"$cli" --sysroot "$root" set frob
refused "set option first" "No valid target specified" "$cli" --sysroot "$root" set -L 1
refused "set unknown option" 'Invalid option "-z"' "$cli" --sysroot "$root" set ccw 1 -z
refused "show without sysfs" "Could not read the re-IPL type from /sys/firmware/reipl/reipl_type (No such file or directory)" \
	"$cli" --sysroot "$work" show
refused "devices without sysfs" "Cannot list CCW devices in $work/sys/bus/ccw/devices: No such file or directory" \
	"$cli" --sysroot "$work" devices

### the helper, not as PID 1
for form in "rd.chreipl=ccw rd.chreipl=0.0.0002" 'rd.chreipl="ccw 0.0.0002"' \
	"rd.chreipl=0.0.0002" "rd.chreipl=ccw rd.chreipl=0.0.2" "rd.chreipl=2" \
	"rd.shell rd.chreipl=ccw rd.chreipl=0.0.0002" "console=ttysclp0" ""; do
	fresh kvm-netboot
	cmdline "$form"
	succeeds "init: '$form'" "Device:      0.0.0002" "$init" --sysroot "$root"
	file_is "init: '$form' device" sys/firmware/reipl/ccw/device 0.0.0002
	file_is "init: '$form' clear" sys/firmware/reipl/ccw/clear 1
done
fresh kvm-netboot
cmdline 'rd.chreipl="0.0.0002 -L 1"'
succeeds "init: loadparm" 'Loadparm:    "1"' "$init" --sysroot "$root"
succeeds "init reports devices" "0.0.0001   virtio-net" "$init" --sysroot "$root"
fresh kvm-scsi
succeeds "init: auto with the network card above the disks" "Device:      0.0.0003" "$init" --sysroot "$root"
fresh kvm-netboot
mkdir -p "$root/etc/reboot-s390x"
echo "ccw 0.0.0002 -L DEF" >"$root/etc/reboot-s390x/default-target"
cmdline "quiet"
succeeds "init: baked-in default" "Target:  ccw 0.0.0002 -L DEF (from default of the image)" \
	"$init" --sysroot "$root"
fresh lpar
cmdline "rd.chreipl=0.0.5c01"
succeeds "init: DASD on an LPAR" "Device:      0.0.5c01" "$init" --sysroot "$root"

### the helper refuses, and changes nothing
fresh kvm-netboot
refused "init: unknown argument" "unknown argument '--frob' (see 'reboot-s390x-init --help')" \
	"$init" --frob
refused "init: sysroot not a dir" "sysroot '$root/x' is not a directory" "$init" --sysroot "$root/x"
refused "init: --sysroot without a directory, in the command line tool's words" "option '--sysroot' requires a directory" "$init" --sysroot
declare -A bad=(
	["rd.chreipl=0.0.0009"]='Could not find CCW device "0.0.0009"'
	["rd.chreipl=ccw rd.chreipl=0.0.0001"]='Device 0.0.0001 is a virtio-net, not a disk: re-IPL from it would not boot the installed system (use -f to force)'
	["rd.chreipl=ccw rd.chreipl=0.0.000x"]='Invalid device number "0.0.000x" specified'
	["rd.chreipl=ccw"]='The "ccw" target requires device'
	["rd.chreipl=eckd rd.chreipl=0.0.0002"]='The running kernel does not offer re-IPL type "eckd" (no /sys/firmware/reipl/eckd)'
	["rd.chreipl=nss rd.chreipl=LINUX"]='The running kernel does not offer re-IPL type "nss" (no /sys/firmware/reipl/nss)'
	["rd.chreipl=garbage"]='No valid target specified: "garbage" is no target, bus-ID or existing path'
	["rd.chreipl="]='rd.chreipl= needs a value'
	["rd.chreipl=2 rd.reipl.onerror=explode"]='rd.reipl.onerror= must be poweroff, halt, reboot or shell'
	["rd.chreipl=2 rd.reipl.delay=soon"]='rd.reipl.delay= must be a number of seconds from 0 to 3600'
	["rd.chreipl=2 rd.chreipl=-L rd.chreipl=bad_lp"]='Loadparm "bad_lp" has an invalid character: only letters, digits, blanks and dots are allowed'
)
for form in "${!bad[@]}"; do
	fresh kvm-netboot
	cmdline "$form"
	refused "init: '$form'" "${bad[$form]}" "$init" --sysroot "$root"
done
fresh kvm-netboot
rm "$root/sys/bus/ccw/devices/0.0.0002"
cmdline "console=ttysclp0"
refused "init: no disk" 'No CCW disk found for target "auto" (the IPL device 0.0.0001 is not counted)' \
	"$init" --sysroot "$root"
fresh kvm-netboot
rm "$root/proc/cmdline"
refused "init: no /proc/cmdline" "Could not read /proc/cmdline (No such file or directory)" \
	"$init" --sysroot "$root"

### mkinitrd (the static init comes from the cross build)
s390_init=$top/build/s390x/reboot-s390x-init
payload_img=$top/build/s390x/reboot-s390x-payload.img
root=$work/initrd
mkdir -p "$root"
succeeds "mkinitrd" "" "$cli" mkinitrd --init "$s390_init" --default-target "ccw 0.0.0002" -o "$root/a.img"
if [[ $(zcat "$root/a.img" | cpio -it --quiet 2>/dev/null | tr '\n' ' ') == \
	"dev dev/console etc etc/reboot-s390x etc/reboot-s390x/default-target init proc sys " ]]; then
	ok "mkinitrd: the image holds the init, the default target and the mount points"
else
	fail "mkinitrd: the image holds the init, the default target and the mount points" "$(zcat "$root/a.img" | cpio -it 2>&1)"
fi
refused "mkinitrd without -o" "mkinitrd: no output file given (-o <file>)" "$cli" mkinitrd
refused "mkinitrd --compress xz" "mkinitrd: --compress must be gzip, zstd or none, not 'xz'" \
	"$cli" mkinitrd --compress xz -o "$root/a.img"
refused "mkinitrd -o without file" "mkinitrd: option '-o' requires an argument" "$cli" mkinitrd -o
refused "mkinitrd unknown option" "mkinitrd: unknown option '--frob' (see 'reboot-s390x mkinitrd --help')" \
	"$cli" mkinitrd --frob
refused "mkinitrd unknown short option" "mkinitrd: unknown option '-x' (see 'reboot-s390x mkinitrd --help')" \
	"$cli" mkinitrd -x
refused "mkinitrd extra argument" "mkinitrd: unexpected argument 'extra' (see 'reboot-s390x mkinitrd --help')" \
	"$cli" mkinitrd -o "$root/b.img" extra
succeeds "mkinitrd -oFILE (getopt_long)" "" "$cli" mkinitrd --init="$s390_init" -o"$root/c.img"
[[ -s $root/c.img ]] && ok "mkinitrd -oFILE wrote the image" || fail "mkinitrd -oFILE wrote the image"
succeeds "mkinitrd --output=FILE" "" "$cli" mkinitrd --output="$root/d.img" --init "$s390_init"
cmp -s "$root/c.img" "$root/d.img" && ok "mkinitrd: -oFILE and --output=FILE write the same bytes" || fail "mkinitrd: -oFILE and --output=FILE write the same bytes"
rm -f "$root/c.img" "$root/d.img"
### reprovision and watch: their options, before libvirt is asked anything
refused "reprovision without a domain" "reprovision: no domain given" "$cli" reprovision --kernel k --initrd i
refused "reprovision of two domains" "reprovision: one domain at a time ('b' is a second)" "$cli" reprovision a b --kernel k --initrd i
refused "reprovision without the installer" "reprovision: --kernel and --initrd (the installer's) are required" "$cli" reprovision a
refused "reprovision --kernel without a value" "reprovision: option '--kernel' requires an argument" "$cli" reprovision a --kernel
refused "reprovision unknown option" "reprovision: unknown option '--frob' (see 'reboot-s390x reprovision --help')" "$cli" reprovision a --frob
refused "reprovision bad --timeout" "reprovision: --timeout '0' is not a number of seconds (1 to 604800)" "$cli" reprovision a --kernel k --initrd i --timeout 0
refused "reprovision of an unknown domain" "reprovision: libvirt has no domain 'nodomain'" \
	"$cli" reprovision nodomain --connect test:///default --kernel k --initrd i
refused "watch with an argument" "watch: unexpected argument 'x'" "$cli" watch x
refused "watch unknown option" "watch: unknown option '--frob' (see 'reboot-s390x watch --help')" "$cli" watch --frob
refused "watch --root without a value" "watch: option '--root' requires an argument" "$cli" watch --root
refused "watch unknown short option" "watch: unknown option '-x' (see 'reboot-s390x watch --help')" "$cli" watch -x
# Type=notify: watch tells systemd it is ready once it follows the events, after its
# start-up settling (issue 23, item 10). A socket of the test's own stands for systemd's.
mkdir -p "$work/notify-root"
ready=$(timeout 20 python3 -c '
import os, socket, subprocess, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
s.settimeout(15)
env = dict(os.environ, NOTIFY_SOCKET=path)
p = subprocess.Popen(sys.argv[2:], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    print(s.recv(4096).decode())
except OSError:
    print("nothing")
p.terminate()
p.wait()
' "$work/notify.sock" "$cli" watch --root "$work/notify-root" --connect test:///default)
check "watch notifies systemd that it is ready (READY=1)" '[[ $ready == *READY=1* ]]' "got: $ready"
# A root that cannot be opened ends watch at once (issue 23, item 7); before, it followed
# nothing for ever (the time limit stands for that).
refused "watch --root that does not exist" "watch: TFTP root $work/no-such-root: No such file or directory" \
	timeout 20 "$cli" watch --root "$work/no-such-root" --connect test:///default
printf '#!/bin/sh\nreboot -f\n' >"$root/script-init"
refused "mkinitrd script as init" "mkinitrd: init $root/script-init is not an ELF file (use --force to take it anyway)" \
	"$cli" mkinitrd --init "$root/script-init" -o "$root/a.img"
refused "mkinitrd bad default target" 'mkinitrd: default target "ccw 0.0.0x02": Invalid device number "0.0.0x02" specified' \
	"$cli" mkinitrd --init "$s390_init" --default-target "ccw 0.0.0x02" -o "$root/a.img"
SOURCE_DATE_EPOCH=yesterday refused "mkinitrd bad SOURCE_DATE_EPOCH" \
	"mkinitrd: SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds" \
	"$cli" mkinitrd --init "$s390_init" -o "$root/a.img"

### pxe and doctor on a TFTP tree of their own
root=$work/tftp
mkdir -p "$root"
cp "$s390_init" "$root/not-a-kernel"
# The helper's files are there, but the TFTP server cannot read the initrd.
cp "$s390_init" "$root/reboot-kernel.img"
install -m 0600 "$work/initrd/a.img" "$root/reboot-initrd.img"
succeeds "pxe local by MAC" "pxelinux.cfg/01-52-54-00-12-34-56: local, target ccw 0.0.0002 for 52:54:00:12:34:56" \
	"$cli" pxe --root "$root" local 52:54:00:12:34:56 --target "ccw 0.0.0002"
succeeds "pxe local again" "(unchanged)" "$cli" pxe --root "$root" local 52-54-00-12-34-56 --target "ccw 0.0.0002"
succeeds "pxe local by domain name" "pxelinux.cfg/6695eb01-f6a4-8304-79aa-97f2502e193f: local for test (6695eb01" \
	"$cli" pxe --root "$root" --connect test:///default local test
succeeds "pxe install by UUID" "pxelinux.cfg/1b4e28ba-2fa1-11d2-883f-0016d3cca427: install" \
	"$cli" pxe --root "$root" install 1B4E28BA-2FA1-11D2-883F-0016D3CCA427 --kernel inst/vmlinuz \
	--initrd inst/initrd.img --append "inst.repo=http://example/os"
succeeds "pxe list" "pxelinux.cfg/01-52-54-00-12-34-56" "$cli" pxe --root "$root" list
listed "pxe list --json" "$root" pxelinux.cfg/01-52-54-00-12-34-56 local linux "ccw 0.0.0002"
run "$cli" pxe --root "$root" --connect test:///default list --json
[[ $out == *'"file": "pxelinux.cfg/6695eb01-f6a4-8304-79aa-97f2502e193f",'*'"domain": "test",'* ]] && ok "pxe list names the libvirt domain of a UUID file" ||
	fail "pxe list names the libvirt domain of a UUID file" "$out$err"
succeeds "pxe show with no file" "Result:    no file: the network boot fails and the guest stops" \
	"$cli" pxe --root "$root" show aa:bb:cc:dd:ee:ff
succeeds "pxe show" "Append:    rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet" \
	"$cli" pxe --root "$root" show 525400123456
file_is "pxe wrote the MAC file" pxelinux.cfg/01-52-54-00-12-34-56 $'# pxelinux\n# reboot-s390x: local\ndefault local\nlabel local\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet'
run "$cli" pxe --root "$root" check
if ((status == 1)) && [[ $out == *"pxelinux.cfg/01-52-54-00-12-34-56:4: error: initrd 'reboot-initrd.img' has mode 0600: the TFTP server cannot read it (0644)"* ]] &&
	[[ $out == *"pxelinux.cfg/default: warning: missing"* ]]; then ok "pxe check: a mode-0600 initrd is an error, a missing default a warning"; else fail "pxe check: a mode-0600 initrd is an error, a missing default a warning" "$out"; fi
succeeds "pxe remove" "pxelinux.cfg/1b4e28ba-2fa1-11d2-883f-0016d3cca427: removed" \
	"$cli" pxe --root "$root" remove 1b4e28ba-2fa1-11d2-883f-0016d3cca427
succeeds "pxe remove again: nothing to do" "pxelinux.cfg/1b4e28ba-2fa1-11d2-883f-0016d3cca427: not there, nothing to remove" \
	"$cli" pxe --root "$root" remove 1b4e28ba-2fa1-11d2-883f-0016d3cca427
refused "pxe bad MAC" "pxe local: guest '52:54:00:12:34' is neither a MAC address (52:54:00:12:34:56) nor a UUID" \
	"$cli" pxe --root "$root" local 52:54:00:12:34
refused "pxe bad target" 'pxe local: --target "ccw 0.0.0x02": Invalid device number "0.0.0x02" specified' \
	"$cli" pxe --root "$root" local default --target "ccw 0.0.0x02"
refused "pxe traversal" "pxe local: kernel file name '../../etc/shadow' must be relative to the TFTP root, without '..'" \
	"$cli" pxe --root "$root" local default --kernel ../../etc/shadow
refused "pxe install without files" "pxe install: --kernel and --initrd are required" \
	"$cli" pxe --root "$root" install default
refused "pxe with a missing root from REBOOT_S390X_TFTP_ROOT" "pxe: TFTP root /nonexistent-tftp: No such file or directory" \
	env REBOOT_S390X_TFTP_ROOT=/nonexistent-tftp "$cli" pxe list
succeeds "pxe root from the environment" "pxelinux.cfg/01-52-54-00-12-34-56" \
	env REBOOT_S390X_TFTP_ROOT="$root" "$cli" pxe list
refused "pxe unknown command" "pxe: unknown command 'frob' (see 'reboot-s390x pxe --help')" \
	"$cli" pxe --root "$root" frob
refused "pxe target for install" "pxe install: --target is only for 'local' and 'install --once'" \
	"$cli" pxe --root "$root" install default --kernel k --initrd i --target 2
refused "pxe setup takes no --target" "pxe setup: --target is only for 'local' and 'install --once'" \
	"$cli" pxe --root "$root" setup --target 2
refused "pxe check takes no --connect" "pxe check: --connect is only for 'local', 'install', 'show', 'list' and 'remove'" \
	"$cli" pxe --root "$root" check --connect qemu:///system
succeeds "pxe: options before the command, --root=DIR" "pxelinux.cfg/01-52-54-00-12-34-56" "$cli" pxe --root="$root" -J list
succeeds "pxe: -- ends the options" "Guest:     default" "$cli" pxe show --root "$root" -- default
run "$cli" pxe local --help
[[ $status == 0 && $out == *"--target <args>"* && $out == *"--method <how>"* && $out != *--loadparm* && $out != *--strict* ]] &&
	ok "pxe local --help: local's options alone" || fail "pxe local --help: local's options alone" "$out"
run "$cli" pxe check -h
[[ $status == 0 && $out == *"--strict"* && $out == *"--firmware <gen>"* && $out != *--kernel* ]] &&
	ok "pxe check -h: check's options alone" || fail "pxe check -h: check's options alone" "$out"
run "$cli" pxe --help
[[ $status == 0 && $out == *" remove   Remove the guests' files"* && $out == *"pxe <command> --help"* ]] &&
	ok "pxe --help: every command in brief" || fail "pxe --help: every command in brief" "$out"
refused "pxe unknown domain" "pxe local: guest 'nodomain': libvirt has no domain named 'nodomain'" \
	"$cli" pxe --root "$root" --connect test:///default local nodomain
ln -s ../not-a-kernel "$root/pxelinux.cfg/01-52-54-00-00-00-01"
refused "pxe symlinked file" "pxe local: pxelinux.cfg/01-52-54-00-00-00-01 is a symlink: refusing to write through it" \
	"$cli" pxe --root "$root" local 52:54:00:00:00:01
refused "pxe missing root" "pxe: TFTP root $root/nope: No such file or directory" \
	"$cli" pxe --root "$root/nope" list
cat >"$work/net.xml" <<XML
<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>prov</name>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <tftp root='$root'/>
    <dhcp><bootp file='/'/></dhcp>
  </ip>
</network>
XML
run "$cli" doctor --root "$root" --network-xml "$work/net.xml"
if ((status == 1)) && [[ $out == *"network $work/net.xml: warning: dnsmasq pings each address"* ]] &&
	[[ $out == *"reboot-kernel.img: error: does not look like an s390x kernel (no S390EP at 0x10008)"* ]] &&
	[[ $out == *"pxelinux.cfg/01-52-54-00-00-00-01: error: the file is "*" bytes: the firmware rejects"* ]]; then ok "doctor: the dnsmasq warning, a kernel that is no s390x kernel, an oversized file"; else fail "doctor: the dnsmasq warning, a kernel that is no s390x kernel, an oversized file" "$out"; fi
spaced=$out
run "$cli" doctor --root="$root" --network-xml="$work/net.xml"
if ((status == 1)) && [[ $out == "$spaced" ]]; then ok "doctor --opt=value says the same as --opt value"; else fail "doctor --opt=value says the same as --opt value" "$out"; fi
refused "doctor without --root reads \$REBOOT_S390X_TFTP_ROOT" "doctor: TFTP root $work/no-root: No such file or directory" \
	env REBOOT_S390X_TFTP_ROOT="$work/no-root" "$cli" doctor
refused "doctor --domain without a value" "doctor: option '--domain' requires an argument" "$cli" doctor --root "$root" --domain
refused "doctor extra argument" "doctor: unexpected argument 'x' (see 'reboot-s390x doctor --help')" "$cli" doctor --root "$root" x
refused "doctor unknown network" "doctor: libvirt has no network named 'nonet'" \
	"$cli" doctor --root "$root" --network nonet --connect test:///default

### what only a kernel shows: leftovers, padding, case (issue 10's defects)
if [[ -n ${KERNEL_SYSFS:-} ]]; then
	fresh lpar
	fw=$root/sys/firmware/reipl
	printf 'old=scp' >"$fw/fcp/scp_data"
	printf '' >"$fw/fcp/scp_data"
	[[ $(tr -d '\0' <"$fw/fcp/scp_data") == old=scp ]] && ok "kernel model: a zero-length write changes nothing" ||
		fail "kernel model: a zero-length write changes nothing" "$(od -c "$fw/fcp/scp_data")"
	succeeds "set fcp resets a leftover scp_data" 'Bootparms:   ""' \
		"$cli" --sysroot "$root" set fcp 0.0.1700 0x1 0x2
	[[ $(tr -d '\0' <"$fw/fcp/scp_data") == "" ]] && ok "the leftover scp_data is gone" ||
		fail "the leftover scp_data is gone" "$(od -c "$fw/fcp/scp_data")"
	printf 'old=scp' >"$fw/fcp/scp_data"
	succeeds "set fcp -p '' empties it" 'Bootparms:   ""' \
		"$cli" --sysroot "$root" set fcp 0.0.1700 0x1 0x2 -p ''
	succeeds "set fcp -p reads back through the padding" 'Bootparms:   "root=/dev/sda1"' \
		"$cli" --sysroot "$root" set fcp 0.0.1700 0x1 0x2 -p root=/dev/sda1
	succeeds "set eckd --brchr 0,0,0 reads back as auto" "br_chr:      auto" \
		"$cli" --sysroot "$root" set eckd 0.0.5c00 --brchr 0,0,0
	fresh zvm
	succeeds "set nss reads back the padded name" "Name:        LINUX" \
		"$cli" --sysroot "$root" set nss LINUX
	succeeds "set ccw -p in upper case reads back lower-cased" 'Bootparms:   "root=/dev/dasda1"' \
		"$cli" --sysroot "$root" set ccw 0.0.0100 -p ROOT=/DEV/DASDA1
	if ! printf 'bad_lp\n' 2>/dev/null >"$root/sys/firmware/reipl/ccw/loadparm" &&
		[[ $(cat "$root/sys/firmware/reipl/ccw/loadparm") == "" ]]; then
		ok "kernel model: a refused loadparm is EINVAL and changes nothing"
	else fail "kernel model: a refused loadparm is EINVAL and changes nothing" ""; fi
fi

### the admin's day: mistakes caught when written, Foreman's files, several guests
aroot=$work/admin
root=$aroot
mkdir -p "$aroot"
echo K >"$aroot/reboot-kernel.img"
echo I >"$aroot/reboot-initrd.img"
for t in "cww 0.0.0002" "ccw0.0.0002" "0.0.0002x"; do
	refused "pxe local --target '$t'" "pxe local: --target \"$t\": No valid target specified: \"${t%% *}\" is no target, bus-ID or path" \
		"$cli" pxe --root "$aroot" local default --method linux --target "$t"
done
refused "pxe local: Foreman's placeholder" 'pxe local: --target "ccw 0.0.0000XXX": Invalid device number "0.0.0000XXX" specified' \
	"$cli" pxe --root "$aroot" local default --method linux --target "ccw 0.0.0000XXX"
refused "mkinitrd --default-target bogus" 'mkinitrd: default target "bogus": No valid target specified: "bogus" is no target, bus-ID or path' \
	"$cli" mkinitrd --init "$s390_init" --default-target bogus -o "$aroot/x.img"
refused "pxe local --append '' without target" "pxe local: the append line would be empty, which the firmware skips: give --target or a non-blank --append" \
	"$cli" pxe --root "$aroot" local default --method linux --append "  "
succeeds "pxe local --append '' with a target" "pxelinux.cfg/default: local, target 2" \
	"$cli" pxe --root "$aroot" local default --method linux --target 2 --append ""
file_is "no blank append" pxelinux.cfg/default $'# pxelinux\n# reboot-s390x: local\ndefault local\nlabel local\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend rd.chreipl=2'
succeeds "pxe install with rd.chreipl in its append is an install" "pxelinux.cfg/01-52-54-00-00-00-0e: install" \
	"$cli" pxe --root "$aroot" install 52:54:00:00:00:0e --kernel k --initrd i --append "inst.repo=x rd.chreipl=ccw"
listed "pxe list calls it an install" "$aroot" pxelinux.cfg/01-52-54-00-00-00-0e install - -
# Several guests: all checked before any is written.
refused "pxe local, two guests, the second bad" "pxe local: guest '52:54:00:12:34' is neither a MAC address (52:54:00:12:34:56) nor a UUID" \
	"$cli" pxe --root "$aroot" local 52:54:00:00:00:21 52:54:00:12:34 --method linux
run "$cli" pxe --root "$aroot" local 52:54:00:00:00:21 52:54:00:00:00:22 --method linux
if ((status == 0)) && [[ $out == *"01-52-54-00-00-00-21: local"*"01-52-54-00-00-00-22: local"* ]]; then ok "pxe local with two guests"
else fail "pxe local with two guests" "$out$err"; fi
succeeds "pxe remove, two guests, one absent" $'pxelinux.cfg/01-52-54-00-00-00-21: removed\npxelinux.cfg/01-52-54-00-00-00-23: not there, nothing to remove' \
	"$cli" pxe --root "$aroot" remove 52:54:00:00:00:21 52:54:00:00:00:23
# All or none: a directory where the second guest's file would be keeps the first's file.
root=$aroot
mkdir "$aroot/pxelinux.cfg/01-52-54-00-00-00-24"
refused "pxe remove: one guest's file a directory, nothing removed" \
	"pxe remove: pxelinux.cfg/01-52-54-00-00-00-24 is not a regular file: not removing it" \
	"$cli" pxe --root "$aroot" remove 52:54:00:00:00:22 52:54:00:00:00:24
[[ -f $aroot/pxelinux.cfg/01-52-54-00-00-00-22 ]] && ok "pxe remove refused: the first guest's file is still there" ||
	fail "pxe remove refused: the first guest's file is still there"
rmdir "$aroot/pxelinux.cfg/01-52-54-00-00-00-24"
# Foreman's files, verbatim (tests/fixtures/foreman-tftp): its local-boot template leaves
# the append line commented out, an error (the helper gets no target, and the firmware
# passes a field it never set); its build menu's quirks are warnings.
froot=$work/foreman
cp -a "$FIXTURES/foreman-tftp" "$froot"
root=$froot
run "$cli" pxe --root "$froot" check
if ((status == 1)) && [[ $out == *"1 error,"* && $out == *"01-52-54-00-00-00-f1:5: error: entry 'reboot' has no append line"* &&
	$out == *"01-52-54-00-00-00-f2:1: warning: default 'menu' names no label (labels are case-sensitive): the firmware boots the first entry 'installer'"* ]]; then
	ok "pxe check on Foreman's tree: the local-boot entry without append an error, the menu's quirks warnings"
else fail "pxe check on Foreman's tree: the local-boot entry without append an error, the menu's quirks warnings" "$out$err"; fi
# The build menu alone: warnings only, exit 0; --strict fails on them.
mroot2=$work/foreman-menu
mkdir -p "$mroot2/pxelinux.cfg"
cp -a "$froot/pxelinux.cfg/01-52-54-00-00-00-f2" "$mroot2/pxelinux.cfg/"
cp -a "$froot/boot" "$mroot2/"
chmod 0755 "$mroot2"
run "$cli" pxe --root "$mroot2" check
warned=$out
run "$cli" pxe --root "$mroot2" check --strict
# Exit 1 for the warnings alone: the same findings, no error among them (an unknown
# option or a crash exits 1 too, and prints none of them).
if ((status == 1)) && [[ $out == *"0 errors,"* && $out == "$warned" && $out == *": warning: "* ]]; then
	ok "pxe check --strict fails on warnings"
else fail "pxe check --strict fails on warnings" "$out$err"; fi
run "$cli" pxe --root "$froot" check --json
if ((status == 1)) && python3 -c '
import json, sys
f = json.loads(sys.argv[1])["findings"]
sys.exit(0 if any(x["subject"] == "pxelinux.cfg/01-52-54-00-00-00-f2" and x["line"] == 1 and
                  x["severity"] == "warning" for x in f) and
             any(x["subject"] == "pxelinux.cfg/01-52-54-00-00-00-f1" and x["line"] == 5 and
                  x["severity"] == "error" for x in f) else 1)' "$out"; then ok "pxe check --json: subject, line (a number), severity, message"
else fail "pxe check --json: subject, line (a number), severity, message" "$out"; fi
refused "pxe local over Foreman's file" "pxe local: pxelinux.cfg/01-52-54-00-00-00-f1 was not written by reboot-s390x (Foreman's?): --force replaces it" \
	"$cli" pxe --root "$froot" local 52:54:00:00:00:f1 --method linux
succeeds "pxe local --force over Foreman's file" "pxelinux.cfg/01-52-54-00-00-00-f1: local" \
	"$cli" pxe --root "$froot" local 52:54:00:00:00:f1 --method linux --force --kernel kernel-reboot.img --initrd initrd-reboot.img
# Mistakes in files written by hand are errors in check.
printf '# pxelinux\ndefault l\nlabel l\nkernel kernel-reboot.img\ninitrd initrd-reboot.img\nappend rd.shell rd.chreipl=ccw rd.chreipl=0.0.0000XXX\n' >"$froot/pxelinux.cfg/01-52-54-00-00-00-f3"
printf '# pxelinux\ndefault l\nlabel l\nkernel kernel-reboot.img\ninitrd initrd-reboot.img\nappend rd.chreipl=0.0.0002\n' >"$froot/pxelinux.cfg/01-52-54-00-00-00-F4"
run "$cli" pxe --root "$froot" check
if ((status == 1)) && [[ $out == *"01-52-54-00-00-00-f3:3: error: entry 'l': rd.chreipl=\"ccw 0.0.0000XXX\": Invalid device number \"0.0.0000XXX\" specified: the helper stops at boot"* &&
	$out == *"01-52-54-00-00-00-F4: error: never fetched: the firmware asks for 01-52-54-00-00-00-f4"* ]]; then
	ok "pxe check: a bad target and a misspelt MAC are errors"
else fail "pxe check: a bad target and a misspelt MAC are errors" "$out"; fi

### pxe setup: the helper under the seed's and Foreman's names; doctor on a Foreman tree
sroot=$work/setup
mkdir -p "$sroot"
chmod 0755 "$sroot"
root=$sroot
succeeds "pxe setup (payload)" "kernel-reboot.img: the payload" \
	"$cli" pxe --root "$sroot" setup --payload "$payload_img"
cmp -s "$payload_img" "$sroot/kernel-reboot.img" && cmp -s "$payload_img" "$sroot/reboot-kernel.img" &&
	[[ $(stat -c %a "$sroot/initrd-reboot.img") == 644 ]] && ok "pxe setup wrote the payload under every name, mode 0644" ||
	fail "pxe setup wrote the payload under every name, mode 0644" "$(ls -l "$sroot")"
succeeds "pxe setup again changes nothing" "initrd-reboot.img: a placeholder initrd for the payload (unchanged)" \
	"$cli" pxe --root "$sroot" setup --payload "$payload_img"
# All or none (issue 23, item 8): a 150 KB tmpfs stands for a full disk. Two copies of
# the payload (66 KB each) fit, the third does not: none may be left.
froot=$work/setup-full
mkdir -p "$froot"
if ((EUID == 0)); then
	full=$(unshare --mount --propagation private bash -c '
		mount -t tmpfs -o size=150k tmpfs "$1" || exit 99
		"$2" pxe --root "$1" setup --payload "$3" 2>&1
		echo "status=$?"
		ls -A "$1"' _ "$froot" "$cli" "$payload_img")
	check "pxe setup on a full disk writes none of its files" \
		'[[ $full == *"No space left on device"*"status=1" ]]' "$full"
else
	skip "pxe setup on a full disk writes none of its files" "needs root: a small tmpfs stands for a full disk"
fi
refused "pxe setup with no payload" "pxe setup: /etc/hostname is not the reboot-s390x payload" \
	"$cli" pxe --root "$sroot" setup --payload /etc/hostname
refused "pxe setup --method linux without kernel" "pxe setup: --method linux needs --kernel <file>, an s390x kernel to copy" \
	"$cli" pxe --root "$sroot" setup --method linux
refused "pxe setup --method fallback" "pxe setup: --method is payload or linux, not 'fallback'" \
	"$cli" pxe --root "$sroot" setup --method fallback
cp "$FIXTURES/foreman-tftp/pxelinux.cfg/"* "$sroot/pxelinux.cfg/" 2>/dev/null ||
	{ mkdir -p "$sroot/pxelinux.cfg" && cp "$FIXTURES/foreman-tftp/pxelinux.cfg/"* "$sroot/pxelinux.cfg/"; }
mkdir -p "$sroot/boot"
cp "$FIXTURES/foreman-tftp/boot/"* "$sroot/boot/"
# (Foreman's local-boot entry with its append line uncommented, as an admin sets it up)
sed -i 's/^#append rd.shell rd.chreipl=ccw rd.chreipl=0.0.0000XXX$/append rd.chreipl=ccw rd.chreipl=0.0.0002/' \
	"$sroot/pxelinux.cfg/01-52-54-00-00-00-f1"
run "$cli" doctor --root "$sroot" --init "$s390_init"
((status == 0)) && [[ $out == *"0 errors, "* ]] && ok "doctor on Foreman's tree with the payload set up: no errors, exit 0" ||
	fail "doctor on Foreman's tree with the payload set up: no errors, exit 0" "$out"
warnings=$(grep -c ': warning: ' <<<"$out")
run "$cli" doctor --root "$sroot" --init "$s390_init" --strict
if ((status == 1 && warnings > 0)) && [[ $out == *"0 errors, "* ]] &&
	(($(grep -c ': warning: ' <<<"$out") == warnings)); then
	ok "doctor --strict fails on warnings"
else fail "doctor --strict fails on warnings ($warnings without --strict)" "$out$err"; fi

### nothing hangs: a FIFO where a file should be is refused, never waited on (issue 11)
# (plain files only: the kernel model, like sysfs, lets nobody replace an attribute)
if [[ -z ${KERNEL_SYSFS:-} ]]; then
fresh kvm-netboot
rm "$root/sys/firmware/reipl/reipl_type"
mkfifo "$root/sys/firmware/reipl/reipl_type"
refused "show with a FIFO for reipl_type" "Could not read the re-IPL type from /sys/firmware/reipl/reipl_type (Invalid argument)" \
	timeout 20 "$cli" --sysroot "$root" show
refused "set with a FIFO for reipl_type writes nothing" '"reipl/reipl_type" is not an attribute file: nothing was written' \
	timeout 20 "$cli" --sysroot "$root" set ccw 0.0.0002
mkfifo "$work/fifo-init"
# A shared library has no interpreter either, but cannot run as /init.
refused "mkinitrd --init libm.so.6" "mkinitrd: init /usr/s390x-linux-gnu/lib/libm.so.6 is an s390x shared library, not a program that can run as /init (use --force to take it anyway)" \
	"$cli" mkinitrd --init /usr/s390x-linux-gnu/lib/libm.so.6 -o "$work/libm.img"
refused "mkinitrd --init FIFO" "mkinitrd: init $work/fifo-init is not a regular file of at most 64 MiB" \
	timeout 20 "$cli" mkinitrd --init "$work/fifo-init" -o "$work/fifo.img"
fresh kvm-netboot
rm -f "$root/proc/cio_ignore"
mkfifo "$root/proc/cio_ignore"
refused "an absent device with a FIFO for /proc/cio_ignore: no hang" 'Could not find CCW device "0.0.0009"' \
	timeout 20 "$cli" --sysroot "$root" set ccw 0.0.0009
fi

### reads stay inside the TFTP root (issue 11, item 2)
croot=$work/confined
mkdir -p "$croot/pxelinux.cfg"
chmod 0755 "$croot" "$croot/pxelinux.cfg"
echo secret >"$work/outside"
mkfifo "$croot/fifo.img"
ln -s "$work/outside" "$croot/escape.img"
printf '# pxelinux\ndefault l\nlabel l\nkernel ../outside\ninitrd escape.img\nappend a\n' >"$croot/pxelinux.cfg/default"
printf '# pxelinux\ndefault l\nlabel l\nkernel fifo.img\ninitrd /../../outside\nappend a\n' >"$croot/pxelinux.cfg/01-52-54-00-00-00-31"
run timeout 20 "$cli" doctor --root "$croot"
if ((status == 1)) && [[ $out == *"pxelinux.cfg/default:3: error: kernel '../outside' leads outside the TFTP root"* &&
	$out == *"pxelinux.cfg/default:3: error: initrd 'escape.img' leads outside the TFTP root"* &&
	$out == *"pxelinux.cfg/01-52-54-00-00-00-31:3: error: initrd '/../../outside' leads outside the TFTP root"* &&
	$out == *"pxelinux.cfg/01-52-54-00-00-00-31:3: error: kernel 'fifo.img' is not a file"* ]]; then ok "doctor: entries that leave the root are errors, a FIFO is not read"
else fail "doctor: entries that leave the root are errors, a FIFO is not read" "$out$err"; fi
refused "doctor --network-xml /dev/zero" "doctor: /dev/zero is not a regular file" \
	"$cli" doctor --root "$croot" --network-xml /dev/zero

### untrusted text stays one line, without escape sequences (issue 11, item 4)
refused "a newline in an argument stays on the error line" "pxe local: guest 'a\\x0ab' is not a valid libvirt domain name" \
	"$cli" pxe --root "$work" local "$(printf 'a\nb')"
eroot=$work/escape
mkdir -p "$eroot/pxelinux.cfg"
chmod 0755 "$eroot" "$eroot/pxelinux.cfg"
: >"$eroot/pxelinux.cfg/$(printf 'x\033[31mred\nOK')"
run "$cli" pxe --root "$eroot" check
[[ $out == *'pxelinux.cfg/x\x1b[31mred\x0aOK: warning: never fetched'* && $out != *$'\033'* ]] && ok "pxe check escapes file names" ||
	fail "pxe check escapes file names" "$out"
run "$cli" pxe --root "$eroot" list
if ((status == 0)) && [[ $out == *'pxelinux.cfg/x\x1b[31mred\x0aOK'* && $out != *$'\033'* ]]; then
	ok "pxe list escapes file names"
else fail "pxe list escapes file names" "$out$err"; fi

### local boot methods, the firmware model per generation, boot-order
mroot=$work/methods
root=$mroot
mkdir -p "$mroot"
echo K >"$mroot/reboot-kernel.img"
echo I >"$mroot/reboot-initrd.img"
run "$cli" pxe --root "$mroot" local 52:54:00:00:00:0a --method fallback
if ((status == 0)) && [[ $out == "pxelinux.cfg/01-52-54-00-00-00-0a: local for 52:54:00:00:00:0a, method fallback" &&
	$err == "reboot-s390x: warning: this boots the disk only on QEMU 9.2 and later, with the disk right after the network in the guest's boot order" ]]; then
	ok "pxe local --method fallback"
else fail "pxe local --method fallback" "$out$err"; fi
file_is "the fallback file has no entry" pxelinux.cfg/01-52-54-00-00-00-0a "$(cat <<'TXT'
# pxelinux
# reboot-s390x: local, method fallback
# No entry, on purpose: QEMU 9.2 and later fail this network boot and IPL the
# next device in the guest's boot order, its disk. QEMU up to 9.1 would stop.
TXT
)"
succeeds "auto without the payload: linux" "method linux (no reboot-s390x-payload.img in the TFTP root for the payload)" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0b
cp "$top/build/s390x/reboot-s390x-payload.img" "$mroot/"
succeeds "auto with the payload: payload" "method payload (no libvirt domain to ask; the payload does the target)" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0b
succeeds "auto with an fcp target: linux" "method linux (the target needs Linux)" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0c --target "fcp 0.0.1700 0x1 0x2"
refused "payload with an fcp target" 'pxe local: --target "fcp 0.0.1700 0x1 0x2": the "fcp" target needs Linux: serve the re-IPL helper (reboot-initrd.img) for it' \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method payload --target "fcp 0.0.1700 0x1 0x2"
refused "payload with -p" 'pxe local: --target "ccw 0.0.0002 -p x": boot parameters (-p) exist only on z/VM, not for KVM guests' \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method payload --target "ccw 0.0.0002 -p x"
refused "fallback with a target" "pxe local: --method fallback writes no entry: the disk's own boot record decides, so --target, --kernel, --initrd and --append do not apply" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method fallback --target 2
refused "an unknown method" 'pxe local: Invalid method "frob": give auto, fallback, payload, linux or host' \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method frob
refused "--payload with another method" "pxe local: --payload is for --method payload, not linux" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method linux --payload x.img
refused "--method for install" "pxe install: --method linux is the local entry's: 'install' takes it with --once (without, only host or auto)" \
	"$cli" pxe --root "$mroot" install default --kernel k --initrd i --method linux
hroot=$(mktemp -d "$work/host.XXXXXX")
chmod 0755 "$hroot" && mkdir "$hroot/pxelinux.cfg"
printf '# pxelinux\n# reboot-s390x: local, method host\n# No entry.\n' >"$hroot/pxelinux.cfg/01-52-54-00-00-00-0e"
"$cli" pxe --root "$hroot" check >"$work/host-check.out" 2>&1
check "pxe check: a host entry is no error on any generation (the guest does not read it)" \
	"grep -q 'note: local by its domain.s definition (--method host)' '$work/host-check.out' && grep -q '^0 errors' '$work/host-check.out'" "$work/host-check.out"
"$cli" pxe --root "$hroot" list --json >"$work/host-list.out" 2>&1
check "pxe list --json: a host entry's method is host" "grep -q '\"method\": *\"host\"' '$work/host-list.out'" "$work/host-list.out"
refused "--method host needs a domain" "pxe local: --method host changes the guest's libvirt domain: name it by its domain name, not '52:54:00:00:00:0d'" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0d --method host

succeeds "pxe: --append takes a value that looks like an option" "pxelinux.cfg/01-52-54-00-00-00-0f: install for 52:54:00:00:00:0f" \
	"$cli" pxe --root "$mroot" install 52:54:00:00:00:0f --kernel k --initrd i --append -h
grep -qx 'append -h' "$mroot/pxelinux.cfg/01-52-54-00-00-00-0f" && ok "pxe: --append -h is written as the append line" || fail "pxe: --append -h is written as the append line"
"$cli" pxe --root "$mroot" remove 52:54:00:00:00:0f >/dev/null

### install --once: the install entry with the local entry it becomes
root=$mroot
refused "--once for local" "pxe local: --once is only for 'install'" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0e --once
refused "--once with a target the payload cannot do" 'pxe install: --target "nss LINUX": the "nss" target needs Linux: serve the re-IPL helper (reboot-initrd.img) for it' \
	"$cli" pxe --root "$mroot" install 52:54:00:00:00:0e --once --kernel k --initrd i --method payload --target "nss LINUX"
refused "install --once: an unknown method, named by install" 'pxe install: Invalid method "frob": give auto, fallback, payload, linux or host' \
	"$cli" pxe --root "$mroot" install 52:54:00:00:00:0e --once --kernel k --initrd i --method frob
# pxelinux.cfg/default is every guest's that has no file of its own: never install-once
# (issue 23, item 3), neither by its name nor through a domain called "default".
once_default="an install-once entry is one guest's: not pxelinux.cfg/default, which every guest without a file of its own reads (name the guest by its UUID or MAC)"
refused "install --once default" "pxe install: $once_default" \
	"$cli" pxe --root "$mroot" install default --once --kernel k --initrd i --method linux --target "ccw 0.0.0002"
cat >"$work/node-default.xml" <<'XML'
<node>
  <domain type='test'>
    <name>default</name><uuid>5b3f9c2e-8d1a-4c7e-9f0b-2a6d4e8c1f35</uuid>
    <memory>65536</memory><os><type>hvm</type></os>
  </domain>
</node>
XML
refused "reprovision of a domain named default" "reprovision: $once_default" \
	"$cli" reprovision --root "$mroot" --connect "test://$work/node-default.xml" default --kernel k --initrd i \
	--method linux --target "ccw 0.0.0002"
# The command reprovision prints to finish a job is pasted into a root shell: every word
# in it reads back as itself, whatever libvirt allows in a name (issue 23, item 9).
cat >"$work/node-odd.xml" <<'XML'
<node>
  <domain type='test'>
    <name>a;touch${IFS}PWNED</name><uuid>0c3a5e7d-2b4f-4a61-8d9e-7f1b2c3d4e5f</uuid>
    <memory>65536</memory><os><type>hvm</type></os>
  </domain>
  <domain type='test'>
    <name>-x y</name><uuid>1d4b6f8e-3c5a-4b72-9eaf-8a2c3d4e5f60</uuid>
    <memory>65536</memory><os><type>hvm</type></os>
  </domain>
</node>
XML
qroot="$work/a root with 'quotes' and \$HOME"
mkdir -p "$qroot"
for dom in 'a;touch${IFS}PWNED' '-x y'; do
	run "$cli" reprovision --root "$qroot" --connect "test://$work/node-odd.xml" --kernel k --initrd i \
		--method linux --target "ccw 0.0.0002" --timeout 1 -- "$dom"
	line=$(sed -n 's/^  reboot-s390x //p' <<<"$err")
	# (the shell reads the words back in a scratch folder: a word that were shell syntax
	# would run, and leave PWNED there)
	mkdir -p "$work/paste"
	got=$(cd "$work/paste" && eval "words=($line)" && printf '%s\n' "${words[@]}")
	want=$(printf '%s\n' pxe --root "$qroot" --connect "test://$work/node-odd.xml" local --method linux \
		--target "ccw 0.0.0002" -- "$dom")
	if ((status == 1)) && [[ -n $line && $got == "$want" && -z $(ls "$work/paste") ]]; then
		ok "reprovision's hint for domain '$dom' pastes as the words it names"
	else
		fail "reprovision's hint for domain '$dom' pastes as the words it names" "$err
got:
$got"
	fi
	rm -rf "$qroot/pxelinux.cfg"
done
# A helper not in the root yet: written, with one warning line each, after the report.
wroot=$work/warn
mkdir -p "$wroot"
run "$cli" pxe --root "$wroot" local 52:54:00:00:00:0c --method payload
if ((status == 0)) && [[ $out == "pxelinux.cfg/01-52-54-00-00-00-0c: local for"* &&
	$err == "reboot-s390x: warning: reboot-s390x-payload.img is not in the TFTP root yet" ]]; then ok "pxe local: a missing payload is one warning"
else fail "pxe local: a missing payload is one warning" "$out$err"; fi
run "$cli" pxe --root "$wroot" local 52:54:00:00:00:0b --method linux
if ((status == 0)) && [[ $err == "reboot-s390x: warning: reboot-kernel.img is not in the TFTP root yet"$'\n'"reboot-s390x: warning: reboot-initrd.img is not in the TFTP root yet (see 'reboot-s390x mkinitrd')" ]]; then ok "pxe local: a missing kernel and initrd are two warnings"
else fail "pxe local: a missing kernel and initrd are two warnings" "$out$err"; fi
# (Two entries too big for the firmware's file together cannot come from these options:
# tests/unit/test_once.c holds pxe_once_compose to it.)
succeeds "pxe install --once" "pxelinux.cfg/01-52-54-00-00-00-0e: install once, then local, target ccw 0.0.0002 for 52:54:00:00:00:0e, method linux" \
	"$cli" pxe --root "$mroot" install 52:54:00:00:00:0e --once --kernel k --initrd i --method linux --target "ccw 0.0.0002"
if [[ $(sed -n 2p "$mroot/pxelinux.cfg/01-52-54-00-00-00-0e") == "# reboot-s390x: install once" ]] &&
	grep -qx '# then| append rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0 quiet' "$mroot/pxelinux.cfg/01-52-54-00-00-00-0e"; then
	ok "the install-once file carries its mark and its local entry"
else fail "the install-once file carries its mark and its local entry" "$(cat "$mroot/pxelinux.cfg/01-52-54-00-00-00-0e")"; fi
listed "pxe list: install once" "$mroot" pxelinux.cfg/01-52-54-00-00-00-0e "install once" - -
run "$cli" pxe --root "$mroot" show 52:54:00:00:00:0e --firmware 7.2
[[ $out == *"Result:    boots entry 'install'"* ]] && ok "the firmware sees the install entry of an install-once file" || fail "the firmware sees the install entry of an install-once file" "$out"
[[ ! -e $mroot/pxelinux.cfg/01-52-54-00-00-00-0d ]] && ok "a refused local wrote no file" || fail "a refused local wrote no file" ""
listed "pxe list names the methods" "$mroot" pxelinux.cfg/01-52-54-00-00-00-0a local fallback "the disk after the network"
listed "pxe list: payload" "$mroot" pxelinux.cfg/01-52-54-00-00-00-0b local payload auto
run "$cli" pxe --root "$mroot" check
if ((status == 1)) && [[ $out == *"pxelinux.cfg/01-52-54-00-00-00-0a:1: error: firmware 7.2: no label: the firmware finds nothing to boot and the guest stops"* &&
	$out == *"pxelinux.cfg/01-52-54-00-00-00-0a:1: warning: firmware 9.2, 10.1: no label: the network boot fails and the firmware IPLs the next boot device"* ]]; then
	ok "pxe check per generation"
else fail "pxe check per generation" "$out"; fi
run "$cli" pxe --root "$mroot" check --firmware 10.0
if [[ $out != *"firmware 7.2"* && $out == *"pxelinux.cfg/01-52-54-00-00-00-0a:1: warning: no label: the network boot fails"* ]]; then
	ok "pxe check --firmware 10.0"
else fail "pxe check --firmware 10.0" "$out"; fi
run "$cli" pxe --root "$mroot" show 52:54:00:00:00:0a --ip 10.0.2.15
if [[ $out == *"Lookup:    pxelinux.cfg/01-52-54-00-00-00-0a: used"$'\n'"           pxelinux.cfg/0A00020F: not asked"* &&
	$out == *"           pxelinux.cfg/0: not asked"$'\n'"           pxelinux.cfg/default: not asked"* &&
	$out == *"Firmware:  7.2 (QEMU up to 9.1)"$'\n'"Result:    no entry in the file: the network boot fails and the guest stops"* &&
	$out == *"Firmware:  9.2 (QEMU 9.2 to 10.0), 10.1 (QEMU 10.1 and later)"$'\n'"Result:    no entry in the file: the network boot fails and the firmware IPLs the next boot device"* ]]; then
	ok "pxe show per generation"
else fail "pxe show per generation" "$out"; fi
json_ok "pxe show --json: a row per generation, the lookup a list" '[g["firmware"] for g in d["firmware"]] == ["7.2", "9.2", "10.1"] and d["firmware"][0]["lookup"][:2] == ["01-52-54-00-00-00-0a: used", "0A00020F: not asked"] and d["firmware"][0]["file"] == "pxelinux.cfg/01-52-54-00-00-00-0a" and d["firmware"][0]["result"].endswith("the guest stops") and "next boot device" in d["firmware"][2]["result"] and d["firmware"][0]["entry"] is None and d["firmware"][0]["notes"][0].startswith("error: line 1: no label")' \
	"$cli" pxe --root "$mroot" show 52:54:00:00:00:0a --ip 10.0.2.15 --json
json_ok "pxe show --json: a local entry" 'd["firmware"][0]["boots"] == "local" and d["firmware"][0]["method"] == "payload" and d["firmware"][0]["target"] == "auto" and len(d["firmware"]) == 1' \
	"$cli" pxe --root "$mroot" show 52:54:00:00:00:0b --json --firmware 7.2
refused "show --firmware bogus" 'pxe show: Invalid firmware "9": give 7.2, 9.2, 10.1 or a QEMU version' \
	"$cli" pxe --root "$mroot" show default --firmware 9
refused "show --ip bogus" "pxe show: --ip '10.0.2' is not an IPv4 address" \
	"$cli" pxe --root "$mroot" show default --ip 10.0.2
refused "show --loadparm too long" "pxe show: --loadparm '123456789' is longer than 8 characters" \
	"$cli" pxe --root "$mroot" show default --loadparm 123456789
refused "--ip outside show" "pxe list: --ip is only for 'show'" \
	"$cli" pxe --root "$mroot" list --ip 10.0.2.15
refused "--firmware for local" "pxe local: --firmware is only for 'show' and 'check'" \
	"$cli" pxe --root "$mroot" local default --firmware 7.2
refused "boot-order without domain" "boot-order: no domain given" "$cli" boot-order
refused "boot-order --connect without a value" "boot-order: option '--connect' requires an argument" "$cli" boot-order x --connect
refused "boot-order unknown option" "boot-order: unknown option '-x' (see 'reboot-s390x boot-order --help')" "$cli" boot-order -x
refused "boot-order unknown domain" "boot-order: domain 'nodomain': libvirt has no domain named 'nodomain'" \
	"$cli" boot-order --connect test:///default nodomain
succeeds "boot-order on libvirt's test domain" "domain test: boot order network, then disk (from its next start)" \
	"$cli" boot-order --connect test:///default test
run "$cli" boot-order --connect test:///default --dry-run test
if ((status == 0)) && [[ $out == *"<boot order=\"1\"/>"* && $out == *"<boot order=\"2\"/>"* ]]; then
	ok "boot-order --dry-run prints the XML"
else fail "boot-order --dry-run prints the XML" "$out$err"; fi

### every --json printer: on nothing to report, and on bytes that are not UTF-8 (issue 24)
# strict_json NAME PROG ARGS...: whatever the exit status, stdout is UTF-8 (read strictly),
# parses as JSON, and no list holds a null (an empty list is [])
strict_json() {
	local name=$1
	shift
	"$@" >"$work/json.out" 2>/dev/null
	if python3 - "$work/json.out" <<'PY'; then
import json, sys
d = json.loads(open(sys.argv[1], 'rb').read().decode('utf-8'))
def clean(v):
    if isinstance(v, list):
        return all(x is not None and clean(x) for x in v)
    if isinstance(v, dict):
        return all(clean(x) for x in v.values())
    return True
sys.exit(0 if clean(d) else 1)
PY
		ok "$name"
	else
		fail "$name" "$(cat -v "$work/json.out")"
	fi
}
jroot=$(mktemp -d "$work/json.XXXXXX")
chmod 0755 "$jroot"
mkdir -m 0755 "$jroot/pxelinux.cfg"
strict_json "pxe list --json, nothing in the tree" "$cli" pxe --root "$jroot" list --json
strict_json "pxe check --json, nothing in the tree" "$cli" pxe --root "$jroot" check --json
strict_json "pxe show --json, no file and no notes" "$cli" pxe --root "$jroot" show 52:54:00:00:00:0e --json
strict_json "doctor --json, nothing in the tree" "$cli" doctor --root "$jroot" --json
fresh kvm-netboot
rm -rf "$root/sys/bus/ccw/devices/"*
strict_json "devices --json, no devices" "$cli" --sysroot "$root" devices --json
printf 'default l\xe9\nlabel l\xe9\nkernel k\xff\xfe.img\ninitrd i\xc3\x28\nappend x=\xf4\x90\x80\x80 \xed\xa0\x80\n' \
	>"$jroot/pxelinux.cfg/01-52-54-00-00-00-0e"
printf 'default a\n' >"$jroot/pxelinux.cfg/01-52-54-00-00-00-0"$'\xff'
strict_json "pxe list --json, bytes that are not UTF-8" "$cli" pxe --root "$jroot" list --json
strict_json "pxe check --json, bytes that are not UTF-8" "$cli" pxe --root "$jroot" check --json
strict_json "pxe show --json, bytes that are not UTF-8" "$cli" pxe --root "$jroot" show 52:54:00:00:00:0e --json
strict_json "doctor --json, bytes that are not UTF-8" "$cli" doctor --root "$jroot" --json
printf 'default l\nlabel l\nkernel k1\ninitrd i1\nappend x[null] y[ null ]\n' \
	>"$jroot/pxelinux.cfg/01-52-54-00-00-00-0f"
json_ok "pxe show --json: '[null]' inside a value is the value's, not an empty list" \
	'd["firmware"][0]["append"] == "x[null] y[ null ]" and d["firmware"][0]["notes"] == []' \
	"$cli" pxe --root "$jroot" show 52:54:00:00:00:0f --json --firmware 7.2
json_ok "pxe show --json: a byte that is not UTF-8 reads as \\xNN" \
	'd["firmware"][0]["kernel"] == "k\\xff\\xfe.img" and d["firmware"][0]["initrd"] == "i\\xc3("' \
	"$cli" pxe --root "$jroot" show 52:54:00:00:00:0e --json --firmware 7.2

### secure IPL (QEMU 11.2): the model says no file is read (issue 25, item 3)
run "$cli" pxe --root "$mroot" show 52:54:00:00:00:0a --secure-ipl --firmware 10.1
if ((status == 0)) && [[ $out == *"pxelinux.cfg/01-52-54-00-00-00-0a: not asked"* &&
	$out == *"Result:    secure IPL (secure mode, QEMU 11.2): the firmware refuses the network device before any boot"* &&
	$out != *": used"* ]]; then
	ok "pxe show --secure-ipl: no name asked for, the network refused"
else fail "pxe show --secure-ipl: no name asked for, the network refused" "$out$err"; fi
run "$cli" pxe --root "$mroot" check --secure-ipl
if [[ $out == *"pxelinux.cfg: note: a guest with secure IPL (QEMU 11.2, audit or secure mode) reads none of these files"* ]]; then
	ok "pxe check --secure-ipl notes that such a guest reads none of the files"
else fail "pxe check --secure-ipl notes that such a guest reads none of the files" "$out$err"; fi
refused "--secure-ipl for local" "pxe local: --secure-ipl is only for 'show' and 'check'" \
	"$cli" pxe --root "$mroot" local 52:54:00:00:00:0a --secure-ipl

summary
