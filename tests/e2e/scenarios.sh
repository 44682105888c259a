#!/usr/bin/env bash
# scenarios.sh - end-to-end tests: network-boot emulated s390x guests exactly as the seed's
# workflow does, and read their consoles.
#
# Every guest is a QEMU s390x machine (TCG) started by scripts/s390x-guest.sh: its only
# boot device is a virtio-net card, and QEMU's user-mode network serves DHCP and TFTP
# with bootfile "/" as libvirt does. Each scenario asserts whether the firmware
# then IPLed the disk ("Using virtio-blk."), how many network boots happened, and what
# the helper printed. Every QEMU runs under `timeout`.
#
# Needs: build/s390x/reboot-s390x-init, build/s390x/e2e-marker-init, build/reboot-s390x,
# Debian's s390x kernel (fetched once into the cache by fetch-s390x.sh), qemu, xorriso,
# dracut.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
cli=$build/reboot-s390x
work=$(mktemp -d /tmp/reboot-s390x-e2e.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120}
. "$top/tests/check.sh"

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" "linux-image-s390x=boot/vmlinuz-*" || exit 1
kernel=$(ls "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* | head -n 1)
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$work/reboot-initrd.img" || exit 1

# fail_case WHAT: the scenario $name failed; its console's end is shown
fail_case() { fail "$name: $1" "$log"; }

# boot NAME [options]: one guest, console in $work/NAME.log
#   -a APPEND      the pxelinux append line (console=ttysclp0 quiet is added)
#   -i INITRD      the initrd the entry loads (default: ours)
#   -n DEVNO       the network card's device number (default 0001)
#   -d DEVNO       a blank virtio-blk disk (repeatable; default one at 0002 unless -D)
#   -D             no disk unless -d or -I give one
#   -I ISO         a bootable ISO disk at 0002 with 2048-byte blocks
#   -T DIR         serve this TFTP tree as it is (written by reboot-s390x pxe)
#   -m MAC         the network card's MAC (default 52:54:00:12:34:56)
#   -u UUID        the guest's UUID
#   -O             the disk follows the network in the boot order (bootindex 2)
#   -N             no TFTP server at all
#   -t SECONDS     this guest's time limit
#   -w TEXT:N      stop the guest once its console shows TEXT N times
boot() {
	name=$1
	shift
	local append="" initrd=$work/reboot-initrd.img net=0001 nodisk=0 iso="" opt tree=""
	local mac=52:54:00:12:34:56 uuid=""
	local -a disks=() extra=()
	local until="" until_count=0
	OPTIND=1
	while getopts "a:i:n:d:DI:T:m:u:ONt:w:" opt; do
		case $opt in
		w) until=${OPTARG%:*} until_count=${OPTARG##*:} ;;
		O) extra+=(--disk-order) ;;
		N) extra+=(--no-tftp) ;;
		t) extra+=(--timeout "$OPTARG") ;;
		T) tree=$OPTARG ;;
		m) mac=$OPTARG ;;
		u) uuid=$OPTARG ;;
		a) append=$OPTARG ;;
		i) initrd=$OPTARG ;;
		n) net=$OPTARG ;;
		d) disks+=("$OPTARG") ;;
		D) nodisk=1 ;;
		I) iso=$OPTARG ;;
		*) return 1 ;;
		esac
	done
	((${#disks[@]} == 0 && nodisk == 0)) && [[ -z $iso ]] && disks=(0002)
	local tftp=$tree
	if [[ -z $tftp ]]; then
		tftp=$work/$name.tftp
		mkdir -p "$tftp/pxelinux.cfg"
		ln -sf "$kernel" "$tftp/reboot-kernel.img"
		cp "$initrd" "$tftp/reboot-initrd.img"
		printf 'default linux\nlabel linux\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend %s\n' \
			"$append${append:+ }console=ttysclp0 quiet" >"$tftp/pxelinux.cfg/default"
	fi
	local -a args=(--tftp "$tftp" --mac "$mac" --net "$net" --timeout "$QEMU_TIMEOUT" "${extra[@]}")
	[[ -n $uuid ]] && args+=(--uuid "$uuid")
	local d i=0
	for d in "${disks[@]}"; do
		truncate -s 16M "$work/$name.disk$i"
		args+=(--disk "$work/$name.disk$i@$d")
		i=$((i + 1))
	done
	[[ -n $iso ]] && args+=(--cd "$iso@0002")
	log=$work/$name.log
	if [[ -z $until ]]; then
		"$top/scripts/s390x-guest.sh" "${args[@]}" --console "$log"
		qemu_status=$?
		return
	fi
	# A guest that would run on (one that reboots itself): stop it, by its PID, once
	# the console shows $until $until_count times.
	: >"$log"
	"$top/scripts/s390x-guest.sh" "${args[@]}" --console "$log" &
	local pid=$!
	while kill -0 "$pid" 2>/dev/null && (($(grep -c -- "$until" "$log") < until_count)); do
		sleep 0.2
	done
	kill "$pid" 2>/dev/null
	wait "$pid"
	qemu_status=$?
}

netboots() { grep -c "Network boot starting" "$log"; }

# expect_ipl SET-PATTERN WHO: WHO printed SET-PATTERN (it set the device), the firmware
# then IPLed a disk, and there was exactly one network boot
expect_ipl() {
	if ((qemu_status == 124)); then
		fail_case "QEMU timed out after ${QEMU_TIMEOUT}s"
	elif ! grep -q -- "$1" "$log"; then
		fail_case "$2 did not set the device ('$1')"
	elif ! grep -q "Using virtio-blk." "$log"; then
		fail_case "no disk IPL after $2"
	elif (($(netboots) != 1)); then
		fail_case "$(netboots) network boots, not 1"
	else
		ok "$name"
	fi
}

# expect_refusal MESSAGE STOPPED WHO: WHO printed the error MESSAGE and then STOPPED, no
# disk IPL followed, and there was exactly one network boot (never a loop)
expect_refusal() {
	if ((qemu_status == 124)); then
		fail_case "QEMU timed out after ${QEMU_TIMEOUT}s (a loop?)"
	elif ! grep -qF "reboot-s390x: error: $1" "$log"; then
		fail_case "the console lacks 'reboot-s390x: error: $1'"
	elif ! grep -qF "$2" "$log"; then
		fail_case "$3 did not stop ('$2')"
	elif grep -q "Using virtio-blk." "$log"; then
		fail_case "a disk IPL happened after an error"
	elif (($(netboots) != 1)); then
		fail_case "$(netboots) network boots, not 1"
	else
		ok "$name"
	fi
}

# The Linux helper: it prints the new settings, and powers off after an error.
expect_disk() { expect_ipl "^Device:      0.0.$1" "the helper"; }
expect_stop() { expect_refusal "$1" "reboot-s390x: powering off" "the helper"; }

# expect_console TEXT: an extra check on the last guest's console
expect_console() {
	if grep -qF -- "$1" "$log"; then
		ok "$name: console shows \"$1\""
	else
		fail_case "the console lacks '$1'"
	fi
}

### the re-IPL target, in every form the seed and Foreman write it
boot seed-split -a "rd.chreipl=ccw rd.chreipl=0.0.0002"
expect_disk 0002
boot quoted -a 'rd.chreipl="ccw 0.0.0002"'
expect_disk 0002
boot busid-detected -a "rd.chreipl=0.0.0002"
expect_disk 0002
boot short-busid -a "rd.chreipl=ccw rd.chreipl=2"
expect_disk 0002
boot loadparm -a 'rd.chreipl="0.0.0002 -L 1"'
expect_disk 0002
expect_console "LOADPARM=[1       ]"
boot foreman -a "rd.shell rd.chreipl=ccw rd.chreipl=0.0.0002"
expect_disk 0002

### no rd.chreipl: auto, wherever the devices sit; a default baked into the image
boot auto -a ""
expect_disk 0002
expect_console "Target:  auto (from auto)"
boot auto-net-above -a "" -n 0005 -d 0002 -d 0007
expect_disk 0002
boot auto-net-below -a "" -n 0001 -d 0003
expect_disk 0003
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" --default-target "ccw 0.0.0003" \
	-o "$work/default-initrd.img" || exit 1
boot baked-default -a "" -i "$work/default-initrd.img" -d 0002 -d 0003
expect_disk 0003
expect_console "(from default of the image)"

### failures: the reason on the console, power off, one network boot, never a loop
boot absent-device -a "rd.chreipl=0.0.0009"
expect_stop 'Could not find CCW device "0.0.0009"'
expect_console "reboot-s390x: powering off in 10 seconds"
boot malformed -a "rd.chreipl=ccw rd.chreipl=0.0.12345 rd.reipl.delay=0"
expect_stop 'Invalid device number "0.0.12345" specified'
boot network-card -a "rd.chreipl=0.0.0001 rd.reipl.delay=0"
expect_stop "Device 0.0.0001 is a virtio-net, not a disk"
boot no-disk -a "rd.reipl.delay=0" -D
expect_stop 'No CCW disk found for target "auto" (the IPL device 0.0.0001 is not counted)'
boot no-eckd -a "rd.chreipl=eckd rd.chreipl=0.0.0002 rd.reipl.delay=0"
expect_stop 'The running kernel does not offer re-IPL type "eckd"'
boot no-shell -a "rd.shell rd.chreipl=0.0.0009 rd.reipl.delay=0"
expect_stop 'Could not find CCW device "0.0.0009"'
expect_console "reboot-s390x: no /bin/sh in this image"

### a disk that really boots: the installed system prints its marker
"$cli" mkinitrd --init "$build/s390x/e2e-marker-init" -o "$work/marker-initrd.img" || exit 1
"$top/tests/e2e/make-system-iso.sh" "$cli" "$build/s390x/e2e-marker-init" "$kernel" "$work/disk.iso" ||
	exit 1
boot disk-boots -a "rd.chreipl=ccw rd.chreipl=0.0.0002" -I "$work/disk.iso"
expect_disk 0002
expect_console "reboot-s390x-e2e: installed system booted from disk"

### trees written by reboot-s390x pxe
tree=$work/pxe-tree
mkdir -p "$tree/installer"
cp "$kernel" "$tree/reboot-kernel.img"
cp "$work/reboot-initrd.img" "$tree/reboot-initrd.img"
cp "$kernel" "$tree/installer/vmlinuz"
cp "$work/marker-initrd.img" "$tree/installer/initrd.img"
pxe() { "$cli" pxe --root "$tree" "$@" >/dev/null || exit 1; }
pxe local 52:54:00:00:00:0a --target "ccw 0.0.0002"
pxe local default
pxe local 52:54:00:00:00:0b --target "ccw 0.0.0002"
pxe install 1b4e28ba-2fa1-11d2-883f-0016d3cca427 --kernel installer/vmlinuz \
	--initrd installer/initrd.img --append "console=ttysclp0 quiet e2e.marker=installer"
if "$cli" pxe --root "$tree" check >"$work/pxe-check.log"; then
	ok "pxe check: the tree the tool wrote is clean"
else
	name=pxe-check log=$work/pxe-check.log
	fail_case "pxe check complains about the tree the tool wrote"
fi
boot pxe-mac-local -T "$tree" -m 52:54:00:00:00:0a
expect_disk 0002
boot pxe-uuid-install -T "$tree" -m 52:54:00:00:00:0b -u 1b4e28ba-2fa1-11d2-883f-0016d3cca427
expect_console "reboot-s390x-e2e: installer booted"
expect_console "TFTP: Received /pxelinux.cfg/1b4e28ba-2fa1-11d2-883f-0016d3cca427"
boot pxe-default -T "$tree" -m 52:54:00:00:00:0c -d 0003
expect_disk 0003
expect_console "TFTP: Received /pxelinux.cfg/default"

### the re-IPL payload, through entries written by `pxe local --payload`
# payload_boot NAME TARGET [boot options]: a tree whose default entry boots the payload
payload_boot() {
	local pname=$1 target=$2 ptree=$work/$1.payload-tree
	shift 2
	mkdir -p "$ptree"
	cp "$build/s390x/reboot-s390x-payload.img" "$ptree/"
	"$cli" pxe --root "$ptree" local default --payload reboot-s390x-payload.img \
		${target:+--target "$target"} >/dev/null || exit 1
	boot "$pname" -T "$ptree" "$@"
}

# payload_boot_raw NAME APPEND [boot options]: a hand-written payload entry (pxe would
# refuse a bad target, an admin's editor does not)
payload_boot_raw() {
	local pname=$1 append=$2 ptree=$work/$1.payload-tree
	shift 2
	mkdir -p "$ptree/pxelinux.cfg"
	cp "$build/s390x/reboot-s390x-payload.img" "$ptree/"
	printf 'default x\nlabel x\nkernel reboot-s390x-payload.img\ninitrd pxelinux.cfg/default\nappend %s\n' \
		"$append" >"$ptree/pxelinux.cfg/default"
	boot "$pname" -T "$ptree" "$@"
}

# The payload: it says what it re-IPLs, and stops the CPU after an error.
expect_reipl() { expect_ipl "reboot-s390x: re-IPL from 0.0.$1" "the payload"; }
expect_halt() { expect_refusal "$1" "reboot-s390x: stopping (disabled wait" "the payload"; }

payload_boot payload-split "ccw 0.0.0002"
expect_reipl 0002
kb=$(sed -n 's/.*TFTP: Received reboot-s390x-payload.img (\([0-9]*\) KBytes).*/\1/p' "$log")
if [[ -n $kb ]] && ((kb < 100)); then
	ok "$name: the firmware fetched a payload of $kb KB (< 100)"
else
	fail_case "the payload fetch is not under 100 KB ('$kb')"
fi
payload_boot payload-busid "0.0.0002"
expect_reipl 0002
payload_boot payload-auto-net-below "" -n 0001 -d 0003
expect_reipl 0003
payload_boot payload-auto-net-above "" -n 0005 -d 0002 -d 0007
expect_reipl 0002
payload_boot payload-loadparm "0.0.0002 -L 1"
expect_reipl 0002
expect_console "LOADPARM=[1       ]"
payload_boot payload-disk-boots "ccw 0.0.0002" -I "$work/disk.iso"
expect_reipl 0002
expect_console "reboot-s390x-e2e: installed system booted from disk"
# The same image started by qemu -kernel: the Linux layout carries -append too.
name=payload-qemu-kernel log=$work/$name.log
truncate -s 16M "$work/$name.disk2" "$work/$name.disk3"
"$top/scripts/s390x-guest.sh" --tftp "$work" --console "$log" --timeout "$QEMU_TIMEOUT" \
	--kernel "$build/s390x/reboot-s390x-payload.img" \
	--append "rd.chreipl=0.0.0003 rd.chreipl=-L rd.chreipl=7" \
	--disk "$work/$name.disk2@0002" --disk "$work/$name.disk3@0003"
expect_console "reboot-s390x: re-IPL from 0.0.0003"
expect_console "LOADPARM=[7       ]"
payload_boot payload-absent "0.0.0009"
expect_halt 'Could not find CCW device "0.0.0009"'
payload_boot payload-network-card "0.0.0001 -f"
expect_halt "Device 0.0.0001 is the IPL device (the network card): re-IPL from it would loop"
payload_boot_raw payload-fcp "rd.chreipl=fcp rd.chreipl=0.0.1700 rd.chreipl=0x1 rd.chreipl=0x2"
expect_halt 'the "fcp" target needs Linux'
payload_boot_raw payload-malformed "rd.chreipl=ccw rd.chreipl=0.0.12345"
expect_halt 'Invalid device number "0.0.12345" specified'
payload_boot_raw payload-garbage "rd.chreipl=frobnicate"
expect_halt 'No valid target specified: "frobnicate" is no target or bus-ID'
payload_boot payload-no-disk "" -D
expect_halt 'No CCW disk found for target "auto" (the IPL device is not counted)'

### local boot methods on this QEMU: each reaches the disk, the installed system's own
### reboot stays there, an install entry still wins
"$top/tests/e2e/make-system-iso.sh" "$cli" "$build/s390x/e2e-marker-init" "$kernel" \
	"$work/rebooting.iso" e2e.reboot || exit 1
methods=(payload linux)
[[ ${QEMU_LANE:-7.2} != 7.2 ]] && methods=(fallback payload linux)
for method in "${methods[@]}"; do
	mtree=$work/method-$method
	mkdir -p "$mtree/installer"
	cp "$build/s390x/reboot-s390x-payload.img" "$mtree/"
	cp "$kernel" "$mtree/reboot-kernel.img"
	cp "$work/reboot-initrd.img" "$mtree/reboot-initrd.img"
	cp "$kernel" "$mtree/installer/vmlinuz"
	cp "$work/marker-initrd.img" "$mtree/installer/initrd.img"
	"$cli" pxe --root "$mtree" local 52:54:00:00:01:01 --method "$method" >/dev/null 2>&1 || exit 1
	boot "method-$method" -T "$mtree" -m 52:54:00:00:01:01 -I "$work/disk.iso" -O
	expect_console "reboot-s390x-e2e: installed system booted from disk"
	if (($(netboots) == 1)); then
		ok "$name: one network boot"
	else
		fail_case "$(netboots) network boots, not 1"
	fi
	# The installed system reboots itself for as long as the guest may run: every
	# reboot must come back to the disk, never to the network.
	boot "method-$method-reboot" -T "$mtree" -m 52:54:00:00:01:01 -I "$work/rebooting.iso" -O \
		-w "booted from disk; rebooting:3"
	n=$(grep -c "installed system booted from disk; rebooting" "$log")
	if ((n >= 3 && $(netboots) == 1)); then
		ok "$name: $n boots from disk after one network boot"
	else
		fail_case "$n boots from disk and $(netboots) network boots (want 3 and 1)"
	fi
	"$cli" pxe --root "$mtree" install 1b4e28ba-2fa1-11d2-883f-0016d3cca427 --kernel installer/vmlinuz \
		--initrd installer/initrd.img --append "console=ttysclp0 quiet e2e.marker=installer" >/dev/null || exit 1
	boot "method-$method-install" -T "$mtree" -m 52:54:00:00:01:01 -u 1b4e28ba-2fa1-11d2-883f-0016d3cca427 \
		-I "$work/disk.iso" -O
	expect_console "reboot-s390x-e2e: installer booted"
done
if [[ ${QEMU_LANE:-7.2} != 7.2 ]]; then
	# A TFTP outage: no server at all. Fallback needs none.
	boot fallback-no-tftp -T "$work/method-fallback" -I "$work/disk.iso" -O -N
	expect_console "reboot-s390x-e2e: installed system booted from disk"
fi

### Foreman's stock local-boot template, verbatim, with the payload under Foreman's
### names (`pxe setup`): no append line at all, and after a reset of the same QEMU
### (virsh reset) whatever the command line area then holds.
ftree=$work/foreman-tree
mkdir -p "$ftree/pxelinux.cfg"
cp "$top/tests/fixtures/foreman-tftp/pxelinux.cfg/01-52-54-00-00-00-f1" "$ftree/pxelinux.cfg/"
"$cli" pxe --root "$ftree" setup --payload "$build/s390x/reboot-s390x-payload.img" >/dev/null || exit 1
boot foreman-template -T "$ftree" -m 52:54:00:00:00:f1 -I "$work/disk.iso"
expect_reipl 0002
expect_console "reboot-s390x-e2e: installed system booted from disk"
expect_console "TFTP: Received kernel-reboot.img"
# The reset: the re-IPL of a blank disk ends in a disabled wait ("zIPL load failed" on
# every QEMU), which --monitor turns
# into a pause; a reset then starts the firmware again on the same QEMU.
name=foreman-template-reset log=$work/$name.log
: >"$log"
truncate -s 16M "$work/$name.disk"
"$top/scripts/s390x-guest.sh" --tftp "$ftree" --console "$log" --mac 52:54:00:00:00:f1 \
	--timeout "$QEMU_TIMEOUT" --disk "$work/$name.disk@0002" --monitor "$work/$name.mon" &
guest=$!
for _ in $(seq 600); do grep -q "zIPL load failed" "$log" && break; sleep 0.1; done
"$top/tests/e2e/qemu-monitor.py" "$work/$name.mon" system_reset cont
for _ in $(seq 600); do (($(grep -c "zIPL load failed" "$log") >= 2)) && break; sleep 0.1; done
"$top/tests/e2e/qemu-monitor.py" "$work/$name.mon" quit
wait "$guest"
if (($(netboots) == 2 && $(grep -c "re-IPL from 0.0.0002" "$log") == 2)); then
	ok "$name: after a reset the stock template re-IPLs the disk again"
else
	fail_case "after a reset: $(netboots) network boots, $(grep -c "re-IPL from 0.0.0002" "$log") re-IPLs"
fi

### the image built by real dracut, with our module
dracutdir=$work/dracut
cp -a /usr/lib/dracut/. "$dracutdir/"
cp -a "$top/dracut/99reboot-s390x" "$dracutdir/modules.d/"
cp "$build/s390x/reboot-s390x-init" "$dracutdir/modules.d/99reboot-s390x/"
if dracutbasedir=$dracutdir dracut --no-kernel -m reboot-s390x --force --quiet --no-hostonly \
	"$work/dracut-initrd.img" >"$work/dracut.log" 2>&1; then
	boot dracut-image -a "rd.chreipl=ccw rd.chreipl=0.0.0002" -i "$work/dracut-initrd.img"
	expect_disk 0002
else
	name=dracut-image log=$work/dracut.log
	fail_case "dracut failed"
fi

summary
