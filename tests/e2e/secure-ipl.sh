#!/usr/bin/env bash
# secure-ipl.sh - secure IPL and network boot, on one QEMU lane ($QEMU_LANE: 7.2, 10.0,
# newest). Secure IPL comes with QEMU 11.2 (the s390-ccw-virtio machine's secure-boot and
# boot-certs properties); a lane whose QEMU lacks them, as asked of the binary itself
# (`-machine s390-ccw-virtio,help`), skips every case, counted, with that reason.
#
# What each case expects is read from QEMU's source, not yet booted: the secure-IPL series
# as kept in patchew-project/qemu, pc-bios/s390-ccw/main.c at commit
# 8ce7c24d40e441ac98c40390fa7b31d4b7c0d145 and docs/system/s390x/secure-ipl.rst:
#   - in secure mode (secure-boot=on and a certificate) and in audit mode (a certificate
#     only), check_secure_boot_support() walks every device of the boot order before any
#     boot; validate_secure_boot_device() panics on a virtio-net one with "Virtio net boot
#     device does not support secure boot!": no device is tried, the network never starts;
#   - secure-boot=on without a certificate panics with "Need at least one certificate
#     for secure boot!";
#   - normal mode (neither) boots the network as ever;
#   - a re-IPL set from inside the guest (DIAG 308 subcode 5, as the payload and Linux's
#     /sys/firmware/reipl write it: the IPL block's header flags byte 0, so neither SIPL
#     0x40 nor IPLIR 0x20) runs in normal mode, secure IPL dropped for that IPL: QEMU
#     master's target/s390x/diag.c (commit 06b8b50b057a08ed3680599866b69240dc006034)
#     stores the guest's block as given, QEMU sets the flags only in the blocks it builds
#     from the boot order (hw/s390x/ipl.c s390_build_iplb, the series' "Add IPIB flags to
#     IPL Parameter Block"), and the firmware takes the mode from the block it IPLs
#     (main.c: zipl_mode(iplb->hdr_flags)). Seen as: the blank disk the payload names is
#     read as ECKD and fails zIPL, without the secure modes' "ECKD boot device does not
#     support secure boot!" panic. The same re-IPL in normal mode runs on every lane now;
#   - the disk alone in the boot order: validate_secure_boot_device() accepts only the
#     SCSI scheme of zipl (its MBR magic) and panics "ECKD boot device does not support
#     secure boot!" for any other disk, in secure and in audit mode; the blank disk here
#     is one. An unsigned disk in the SCSI scheme (refused in secure mode, warned of in
#     audit mode) needs a zipl disk, which the real installed system of the next issue
#     brings.
# The first lane with secure IPL checks these; where it disagrees, the source was
# misread and this file and the model change with what the firmware does.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
lane=${QEMU_LANE:-7.2}
work=$(mktemp -d /tmp/reboot-s390x-secure.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$top/tests/check.sh"
CHECK_PREFIX="[QEMU $lane] "

qemu=$("$top/scripts/qemu-lanes.sh" path "$lane") || exit 1
version=$("$top/scripts/qemu-lanes.sh" version "$lane")
cases=("secure mode refuses a network device in the boot order, trying none"
	"audit mode refuses a network device in the boot order too"
	"secure-boot=on without a certificate stops the IPL"
	"normal mode boots the network"
	"secure mode: a re-IPL the payload sets runs in normal mode (secure IPL dropped)"
	"audit mode: a re-IPL the payload sets runs in normal mode too"
	"secure mode, the disk alone, not in the SCSI scheme: refused as ECKD"
	"audit mode, the disk alone, not in the SCSI scheme: refused as ECKD too")
payload=$top/build/s390x/reboot-s390x-payload.img
truncate -s 16M "$work/disk"

# reipl NAME [MACHINE-OPTS]: the payload started directly, setting the blank disk 0.0.0002
# as the re-IPL device with DIAG 308 and re-IPLing; console in $work/NAME.text
reipl() {
	mkdir -p "$work/tftp"
	"$top/scripts/s390x-guest.sh" --tftp "$work/tftp" --console "$work/$1.log" --timeout 30 \
		--disk "$work/disk@0002" --kernel "$payload" \
		--append "rd.chreipl=ccw rd.chreipl=0.0.0002" ${2:+--machine "$2"} >/dev/null 2>&1
	tr -d '\r' <"$work/$1.log" >"$work/$1.text"
}
# reipl_was_normal NAME: the re-IPL ran in normal mode: the disk was tried as ever, and no
# secure check stopped it
reipl_was_normal() {
	local text=$work/$1.text
	grep -qF 'Using virtio-blk.' "$text" && grep -q 'zIPL load failed' "$text" &&
		! grep -qi 'secure boot' "$text"
}
reipl reipl-normal
check "normal mode: a re-IPL the payload sets (DIAG 308, header flags 0) boots the disk it names" \
	"reipl_was_normal reipl-normal" "$work/reipl-normal.text"
if ! "$qemu" -machine s390-ccw-virtio,help 2>/dev/null | grep -q '^ *secure-boot='; then
	for c in "${cases[@]}"; do
		skip "$c" "QEMU $version has no secure-boot machine property (secure IPL: QEMU 11.2)"
	done
	summary
	exit
fi

# A self-signed certificate for the store (its key signs nothing here: the network is
# refused before any signature is asked for).
openssl req -new -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
	-days 2 -subj "/CN=reboot-s390x test/" >/dev/null 2>&1 || { fail "openssl makes a certificate"; summary; exit; }
mkdir -p "$work/tftp/pxelinux.cfg"
printf 'default l\nlabel l\nkernel k\ninitrd i\nappend x\n' >"$work/tftp/pxelinux.cfg/default"

# guest NAME MACHINE-OPTS: the network first, the disk after it; console in $work/NAME.log
guest() {
	"$top/scripts/s390x-guest.sh" --tftp "$work/tftp" --console "$work/$1.log" --timeout 30 \
		--disk "$work/disk@0002" --disk-order ${2:+--machine "$2"} >/dev/null 2>&1
	tr -d '\r' <"$work/$1.log" >"$work/$1.text"
}
refused() {
	local name=$1 text=$2 opts=$3
	guest "$name" "$opts"
	check "${cases[$4]}" "grep -qF '$text' '$work/$name.text' && ! grep -qF 'Network boot starting' '$work/$name.text' && ! grep -qF 'Using virtio-blk' '$work/$name.text'" "$work/$name.text"
}
refused secure "Virtio net boot device does not support secure boot!" \
	"secure-boot=on,boot-certs.0.path=$work/cert.pem" 0
refused audit "Virtio net boot device does not support secure boot!" \
	"boot-certs.0.path=$work/cert.pem" 1
refused nocert "Need at least one certificate for secure boot!" "secure-boot=on" 2
guest normal ""
check "${cases[3]}" "grep -qF 'Network boot starting' '$work/normal.text'" "$work/normal.text"
# alone NAME MACHINE-OPTS: the blank disk the only boot device
alone() {
	"$top/scripts/s390x-guest.sh" --tftp "$work/tftp" --console "$work/$1.log" --timeout 30 \
		--disk "$work/disk@0002" --disk-alone --machine "$2" >/dev/null 2>&1
	tr -d '\r' <"$work/$1.log" >"$work/$1.text"
}
for mode in secure audit; do
	opts="boot-certs.0.path=$work/cert.pem"
	[[ $mode == secure ]] && opts="secure-boot=on,$opts"
	alone "alone-$mode" "$opts"
	check "${cases[$([[ $mode == secure ]] && echo 6 || echo 7)]}" \
		"grep -qF 'ECKD boot device does not support secure boot!' '$work/alone-$mode.text' && ! grep -qF 'Network boot starting' '$work/alone-$mode.text'" \
		"$work/alone-$mode.text"
done
reipl reipl-secure "secure-boot=on,boot-certs.0.path=$work/cert.pem"
check "${cases[4]}" "reipl_was_normal reipl-secure" "$work/reipl-secure.text"
reipl reipl-audit "boot-certs.0.path=$work/cert.pem"
check "${cases[5]}" "reipl_was_normal reipl-audit" "$work/reipl-audit.text"
summary
