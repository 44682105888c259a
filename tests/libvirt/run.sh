#!/usr/bin/env bash
# run.sh - the seed's workflow through a real libvirt: a libvirt network serves the TFTP
# tree (written by `reboot-s390x pxe` for a guest named by its domain name) to an s390x
# libvirt guest, which boots its disk through the re-IPL helper.
#
# Starts virtlogd and libvirtd when they are not running (there is no systemd here) and
# stops exactly those again, by PID; defines a throw-away isolated network and domain and
# removes them whatever happens. Needs root, `make`, and the e2e packages plus libvirt's
# daemon (scripts/install-deps.sh libvirt). KEEP=1 keeps the work directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
cli=$build/reboot-s390x
net=rs390x-test
dom=rs390x-guest
work=$(mktemp -d /tmp/reboot-s390x-libvirt.XXXXXX)
chmod 0755 "$work"
started=()
passed=0 failed=0

cleanup() {
	virsh -q destroy "$dom" >/dev/null 2>&1
	virsh -q undefine "$dom" >/dev/null 2>&1
	virsh -q net-destroy "$net" >/dev/null 2>&1
	virsh -q net-undefine "$net" >/dev/null 2>&1
	local pid
	for pid in "${started[@]}"; do kill "$pid" 2>/dev/null; done
	[[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

check() {
	if eval "$2"; then
		passed=$((passed + 1))
		printf 'PASS %s\n' "$1"
	else
		failed=$((failed + 1))
		printf 'FAIL %s\n' "$1"
		[[ -f $work/console.log ]] && tail -n 20 "$work/console.log" | sed 's/^/  | /'
	fi
}

# start DAEMON: run it in the background unless it already runs; remember its PID.
start() {
	local pidfile=/run/$1.pid pid
	if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
		return
	fi
	"$1" -d || { echo "cannot start $1" >&2; exit 1; }
	for _ in $(seq 50); do
		[[ -f $pidfile ]] && pid=$(cat "$pidfile") && kill -0 "$pid" 2>/dev/null && break
		sleep 0.1
	done
	started+=("$pid")
}
start virtlogd
start libvirtd
for _ in $(seq 50); do virsh -q version >/dev/null 2>&1 && break; sleep 0.2; done

"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" linux-image-s390x || exit 1
tree=$work/tftp
mkdir -p "$tree"
cp "$work"/pkgs/linux-image-s390x/boot/vmlinuz-* "$tree/reboot-kernel.img"
"$cli" mkinitrd --init "$build/s390x/reboot-s390x-init" -o "$tree/reboot-initrd.img" || exit 1
truncate -s 16M "$work/disk.img"

cat >"$work/net.xml" <<XML
<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>$net</name>
  <bridge name='rs390x0'/>
  <ip address='192.168.235.1' netmask='255.255.255.0'>
    <tftp root='$tree'/>
    <dhcp>
      <range start='192.168.235.10' end='192.168.235.20'/>
      <bootp file='/'/>
    </dhcp>
  </ip>
  <dnsmasq:options><dnsmasq:option value='no-ping'/></dnsmasq:options>
</network>
XML
cat >"$work/dom.xml" <<XML
<domain type='qemu'>
  <name>$dom</name>
  <memory unit='MiB'>512</memory>
  <os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os>
  <on_reboot>restart</on_reboot>
  <devices>
    <emulator>/usr/bin/qemu-system-s390x</emulator>
    <interface type='network'>
      <source network='$net'/>
      <mac address='52:54:00:aa:00:01'/>
      <model type='virtio'/>
      <boot order='1'/>
      <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>
    </interface>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='$work/disk.img'/>
      <target dev='vda' bus='virtio'/>
      <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0002'/>
    </disk>
    <console type='pty'>
      <log file='$work/console.log' append='off'/>
      <target type='sclp' port='0'/>
    </console>
  </devices>
</domain>
XML
virsh -q net-define "$work/net.xml" >/dev/null && virsh -q net-start "$net" >/dev/null || exit 1
virsh -q define "$work/dom.xml" >/dev/null || exit 1
uuid=$(virsh domuuid "$dom" | head -n 1)

# The guest is named by its libvirt domain name; the file is its UUID.
"$cli" pxe --root "$tree" --connect qemu:///system local "$dom" --target "ccw 0.0.0002" || exit 1
"$cli" pxe --root "$tree" local default >/dev/null || exit 1
check "pxe wrote the domain's UUID file" "[[ -f '$tree/pxelinux.cfg/$uuid' ]]"
"$cli" doctor --root "$tree" --network "$net" --connect qemu:///system >"$work/doctor.log"
check "doctor is content with the setup" "grep -q 'Everything looks right.' '$work/doctor.log' || { cat '$work/doctor.log'; false; }"

virsh -q start "$dom" >/dev/null || exit 1
for _ in $(seq 240); do
	grep -q "Using virtio-blk." "$work/console.log" 2>/dev/null && break
	sleep 0.5
done
virsh -q destroy "$dom" >/dev/null 2>&1
check "the firmware fetched the UUID file over libvirt's TFTP" \
	"grep -q 'TFTP: Received /pxelinux.cfg/$uuid' '$work/console.log'"
check "the helper set the disk" "grep -q '^Device:      0.0.0002' '$work/console.log'"
check "the guest IPLed its disk after one network boot" \
	"grep -q 'Using virtio-blk.' '$work/console.log' && (( \$(grep -c 'Network boot starting' '$work/console.log') == 1 ))"

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
