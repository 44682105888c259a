# libvirt-lab.sh - sourced by the libvirt test and the demo: a throw-away libvirt network
# that serves a TFTP tree the way the seed's workflow configures it, and an s390x guest
# on it whose only boot device is the network. There is no systemd here, so the daemons
# are started by hand when none runs, and only those are stopped again, by PID.
#
#   lab_start_daemons
#   lab_define NET DOM SUBNET TFTP DISK CONSOLE MAC [UUID] [BLOCK_SIZE]
#   lab_run DOM [SECONDS]        start the guest, wait until it is off again
#   lab_cleanup NET DOM          destroy and undefine both, stop the daemons we started

lab_started=()

# lab_alive PID: the process runs (a zombie, which nobody may reap here, does not count).
lab_alive() {
	[[ -n $1 && -r /proc/$1/stat ]] && [[ $(awk '{ print $3 }' "/proc/$1/stat") != Z ]]
}

# lab_daemon NAME: start NAME -d unless it runs; remember the PID of one we started.
lab_daemon() {
	local pidfile=/run/$1.pid pid=""
	[[ -f $pidfile ]] && lab_alive "$(cat "$pidfile")" && return 0
	rm -f "$pidfile"
	"$1" -d || { echo "cannot start $1" >&2; return 1; }
	for _ in $(seq 50); do
		[[ -f $pidfile ]] && pid=$(cat "$pidfile") && lab_alive "$pid" && break
		sleep 0.1
	done
	lab_started+=("$pid")
}

lab_start_daemons() {
	lab_daemon virtlogd && lab_daemon libvirtd || return 1
	for _ in $(seq 50); do virsh -q list --all >/dev/null 2>&1 && return 0; sleep 0.2; done
	echo "libvirtd does not answer" >&2
	return 1
}

lab_define() {
	local net=$1 dom=$2 subnet=$3 tftp=$4 disk=$5 console=$6 mac=$7 uuid=${8:-} bs=${9:-}
	local xml
	xml=$(mktemp)
	cat >"$xml" <<XML
<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>$net</name>
  <bridge name='${net:0:12}0'/>
  <ip address='$subnet.1' netmask='255.255.255.0'>
    <tftp root='$tftp'/>
    <dhcp><range start='$subnet.10' end='$subnet.20'/><bootp file='/'/></dhcp>
  </ip>
  <dnsmasq:options><dnsmasq:option value='no-ping'/></dnsmasq:options>
</network>
XML
	virsh -q net-define "$xml" >/dev/null && virsh -q net-start "$net" >/dev/null || { rm -f "$xml"; return 1; }
	cat >"$xml" <<XML
<domain type='qemu'>
  <name>$dom</name>
  ${uuid:+<uuid>$uuid</uuid>}
  <memory unit='MiB'>512</memory>
  <os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os>
  <devices>
    <emulator>/usr/bin/qemu-system-s390x</emulator>
    <interface type='network'>
      <source network='$net'/><mac address='$mac'/><model type='virtio'/>
      <boot order='1'/><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>
    </interface>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/><source file='$disk'/><target dev='vda' bus='virtio'/>
      ${bs:+<blockio logical_block_size='$bs' physical_block_size='$bs'/>}
      <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0002'/>
    </disk>
    <console type='pty'>
      <log file='$console' append='off'/><target type='sclp' port='0'/>
    </console>
  </devices>
</domain>
XML
	virsh -q define "$xml" >/dev/null
	local rc=$?
	rm -f "$xml"
	return $rc
}

# lab_run DOM [SECONDS]: the guest powers off at the end of each run in the tests and the
# demo; a guest still running after SECONDS (default 120) is destroyed.
lab_run() {
	local dom=$1 limit=${2:-120}
	virsh -q start "$dom" >/dev/null || return 1
	for _ in $(seq $((limit * 4))); do
		[[ $(virsh domstate "$dom" 2>/dev/null) == "shut off" ]] && return 0
		sleep 0.25
	done
	virsh -q destroy "$dom" >/dev/null 2>&1
	return 124
}

lab_cleanup() {
	virsh -q destroy "$2" >/dev/null 2>&1
	virsh -q undefine "$2" >/dev/null 2>&1
	virsh -q net-destroy "$1" >/dev/null 2>&1
	virsh -q net-undefine "$1" >/dev/null 2>&1
	local pid
	for pid in "${lab_started[@]}"; do kill "$pid" 2>/dev/null; done
	lab_started=()
}
