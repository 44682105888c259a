#!/usr/bin/env bash
# kernel-sysfs.sh - `reboot-s390x set` against the real s390 kernel's /sys/firmware, and
# the tests' kernel model (tests/sysfs) held against that kernel.
#
# Boots Debian's s390x kernel under QEMU ($QEMU_LANE) with an initrd whose /init is
# tests/e2e/sysfs_probe.c and which holds the static s390x build of the command line
# tool's re-IPL commands (build/s390x/reboot-s390x-reipl). The probe writes a list of
# values to every re-IPL attribute the kernel offers and prints what happened; the host
# replays each write on the model (build/tests/kernel-rules-check), which must agree on
# every one. Then the guest runs `set` and `show` for ccw, fcp and nvme targets, the
# leftover-value cases included, and the console must show what was meant.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
lane=${QEMU_LANE:-7.2}
work=$(mktemp -d /tmp/reboot-s390x-ksysfs.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
CHECK_PREFIX="[QEMU $lane] "
. "$top/tests/check.sh"

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" || exit 1
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)
mkdir -p "$work/root/bin" "$work/root/dev"
cp "$build/s390x/e2e-sysfs-probe" "$work/root/init"
cp "$build/s390x/reboot-s390x-reipl" "$work/root/bin/reboot-s390x"
(cd "$work/root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.img"
truncate -s 16M "$work/disk"

# The runs, in order (commas separate words; '' is an empty word).
runs=(
	"set,ccw,0.0.0002"                                         # 0
	"set,0.0.0002,-L,1"                                        # 1: detected ccw, loadparm
	"set,ccw,--dev,0.0.0002,--load,LP2,--cl,1"                 # 2: chreipl's prefixes
	"set,ccw,0.0.0002,-L,a_b"                                  # 3: refused
	"show"                                                     # 4: unchanged by 3
	"set,fcp,0.0.1700,0x1,0x2,-f,-p,root=/dev/sda1"            # 5
	"set,fcp,0.0.1700,0x1,0x2,-f"                              # 6: the leftover is reset
	"set,fcp,0.0.1700,0x1,0x2,-f,-p,''"                        # 7: -p '' reads back
	"set,fcp,0.1.1700,0x1,0x2,-f"                              # 8: refused before writing
	"show"                                                     # 9
	"set,nvme,0x11,12,-f,-p,quiet,-L,N1"                       # 10
	"set,nvme,0x11,-f"                                         # 11: scp_data reset
	"set,ccw,0.0.0002"                                         # 12: back to the disk
)
append="console=ttysclp0 quiet"
for r in "${runs[@]}"; do append+=" e2e.run=$r"; done
QEMU_LANE=$lane "$top/scripts/s390x-guest.sh" --tftp "$work" --console "$work/console.log" \
	--kernel "$kernel" --initrd "$work/initrd.img" --append "$append" \
	--disk "$work/disk@0002" --timeout 120
status=$?
tr -d '\r' <"$work/console.log" >"$work/console.txt"
check "the guest ran the probe to its end" "((status != 124)) && grep -q '^PROBE-END' '$work/console.txt'"

# The model against the kernel: every write of the probe.
"$build/tests/kernel-rules-check" <"$work/console.txt" >"$work/model.txt"
model_ok=$?
probes=$(sed -n 's/^PROBE-COUNT \([0-9]*\).*/\1/p' "$work/console.txt" | head -n 1)
counts=$(tail -n 1 "$work/model.txt")
read -r agreed _ _ _ absent _ <<<"${counts//,/}"
# Every probe is read and agrees, or its attribute is one this kernel is known to lack:
# Debian 12's Linux 6.1, which every lane boots, has no reipl/eckd and no clear attribute
# for fcp and nvme; a KVM guest has no reipl/nss and no ccw/parm (z/VM's). Measured: the
# probe says ABSENT for exactly these, on every lane.
may_lack="reipl/eckd/device reipl/eckd/br_chr reipl/eckd/bootprog reipl/eckd/scp_data
reipl/nss/name reipl/nss/parm reipl/ccw/parm reipl/fcp/clear reipl/nvme/clear"
check "the kernel model agrees with the kernel on every probe it could make (${probes:-?} probes: $counts)" \
	"((model_ok == 0 && probes > 0 && agreed + absent == probes))" "$(grep -v '^[0-9]* passed' "$work/model.txt")"
for attr in $(sed -n 's/^ABSENT //p' "$work/model.txt" | sort -u); do
	if grep -qxF -- "$attr" <<<"${may_lack// /$'\n'}"; then
		skip "probes of $attr" "this kernel on KVM has no such attribute"
	else
		fail "the kernel lacks $attr, which the probe expects"
	fi
done

# out N: what run N printed, between its RUN-BEGIN and RUN lines.
out() { sed -n "/^RUN-BEGIN $1 /,/^RUN $1 rc=/p" "$work/console.txt"; }
rc_of() { sed -n "s/^RUN $1 rc=\\([0-9]*\\)$/\\1/p" "$work/console.txt"; }
expect() { # expect N RC TEXT...: run N exited RC and printed every TEXT
	local n=$1 want=$2 t ok=1
	shift 2
	[[ $(rc_of "$n") == "$want" ]] || ok=0
	for t in "$@"; do out "$n" | grep -qF -- "$t" || ok=0; done
	check "run $n (${runs[$n]}): exit $want${*:+, shows $*}" "((ok))"
	((ok)) || out "$n" | sed 's/^/  | /'
}
expect 0 0 "Device:      0.0.0002" "clear:       1"
expect 1 0 'Loadparm:    "1"'
expect 2 0 'Loadparm:    "LP2"' "clear:       1"
expect 3 1 'Loadparm "a_b" has an invalid character'
expect 4 0 'Loadparm:    "LP2"'
expect 5 0 "Re-IPL type: fcp" "Device:      0.0.1700" 'Bootparms:   "root=/dev/sda1"'
expect 6 0 'Bootparms:   ""'
expect 7 0 'Bootparms:   ""'
expect 8 1 "Device 0.1.1700: the kernel takes FCP devices only from subchannel set 0"
expect 9 0 "Re-IPL type: fcp" "Device:      0.0.1700"
expect 10 0 "Re-IPL type: nvme" "FID:         0x00000011" "NSID:        0x0000000c" \
	'Bootparms:   "quiet"' 'Loadparm:    "N1"'
expect 11 0 "NSID:        0x00000001" 'Bootparms:   ""'
expect 12 0 "Re-IPL type: ccw" "Device:      0.0.0002"

summary
