# libvirt-lab.sh - sourced by the libvirt test and the demo: a throw-away libvirt network
# that serves a TFTP tree the way the seed's workflow configures it, and s390x guests on
# it that boot from the network first. There is no systemd here, so the daemons are
# started by hand, and only those are stopped again, by PID.
#
# libvirtd runs inside a network namespace of its own (rs390x-lab-$lab_id), so the network's
# bridge, its dnsmasq and the guests' addresses exist only there, and in a private mount
# namespace where its qemu.conf runs QEMU as root with its capabilities (the QEMU lanes'
# launchers live in root's cache and hide this machine's QEMU modules from the newer
# QEMUs with a bind mount). A libvirtd already running outside such a namespace is not
# used: the lab refuses to put its network on this machine's own.
#
#   lab_start_daemons
#   lab_define NET DOM SUBNET TFTP DISK CONSOLE MAC [UUID] [BLOCK_SIZE] [EMULATOR] [DISK_ORDER]
#              [MEDIUM]
#   lab_define_domain DOM NET DISK CONSOLE MAC [UUID] [BLOCK_SIZE] [EMULATOR] [DISK_ORDER]
#              [MEDIUM]
#   lab_run DOM [SECONDS] [CONSOLE]  start the guest, wait until it is off again; with
#                                CONSOLE, start it again when its firmware gave up on a
#                                TFTP transfer (lab_tftp_fault), up to twice
#   lab_tftp_fault CONSOLE       the firmware gave up on a transfer a stale packet broke
#   lab_wait_off DOM [SECONDS]   wait until the guest is off
#   lab_wait_for FILE PATTERN SECONDS  wait until FILE shows PATTERN (status 1: it did not)
#   lab_reprovision SECONDS LOG CONSOLE ARGS...  `$cli reprovision ARGS` under a time
#                                limit, run again when the firmware gave up on a transfer
#   lab_cleanup NET DOM...       destroy and undefine them, remove what libvirtd kept of
#                                them (QEMU logs, dnsmasq files), stop the daemons we started
#   lab_diagnose DOM...          each domain's state and reason, and the end of its QEMU log
#                                (a panic's PSW is there), for a failing check's details
#   lab_name BASE                BASE-$lab_id: the names of a run's networks and domains
#   lab_bridge NET               the bridge of network NET (at most 15 characters)
#
# lab_id is new in every run, so that two runs on one machine (two checkouts, a test and
# the demo) never define, start or remove each other's networks, domains or namespace.

lab_started=()
lab_id=$(mktemp -u XXXXXX)
lab_netns=rs390x-lab-$lab_id
lab_conf=""

lab_name() { echo "$1-$lab_id"; }
lab_bridge() { echo "rsb$(printf '%s' "$1" | sha256sum | cut -c1-10)"; }

# lab_alive PID: the process runs (a zombie, which nobody may reap here, does not count).
lab_alive() {
	[[ -n $1 && -r /proc/$1/stat ]] && [[ $(awk '{ print $3 }' "/proc/$1/stat") != Z ]]
}

# lab_pid NAME: the PID of a running NAME daemon, from its pidfile, or nothing.
lab_pid() {
	local pidfile=/run/$1.pid
	[[ -f $pidfile ]] && lab_alive "$(cat "$pidfile")" && cat "$pidfile"
}

# lab_daemon NAME [WRAPPER...]: start NAME -d (through WRAPPER) unless it runs; remember
# the PID of one we started.
lab_daemon() {
	local name=$1 pid=""
	shift
	[[ -n $(lab_pid "$name") ]] && return 0
	rm -f "/run/$name.pid"
	"$@" "$name" -d || { echo "cannot start $name" >&2; return 1; }
	for _ in $(seq 50); do
		pid=$(lab_pid "$name") && [[ -n $pid ]] && break
		sleep 0.1
	done
	[[ -n $pid ]] || { echo "$name did not start" >&2; return 1; }
	lab_started+=("$pid")
}

lab_start_daemons() {
	local pid
	pid=$(lab_pid libvirtd)
	if [[ -n $pid && $(readlink "/proc/$pid/ns/net") == $(readlink /proc/1/ns/net) ]]; then
		echo "a libvirtd (PID $pid) runs in this machine's own network namespace: stop it," \
			"the lab starts its own inside $lab_netns" >&2
		return 1
	fi
	if [[ -z $pid ]]; then
		ip netns del "$lab_netns" 2>/dev/null
		ip netns add "$lab_netns" && ip -n "$lab_netns" link set lo up || return 1
		lab_conf=$(mktemp /tmp/rs390x-qemu.conf.XXXXXX)
		{
			cat /etc/libvirt/qemu.conf
			printf 'user = "root"\ngroup = "root"\nclear_emulator_capabilities = 0\n'
		} >"$lab_conf"
	fi
	lab_daemon virtlogd && lab_daemon libvirtd ip netns exec "$lab_netns" unshare --mount \
		--propagation private sh -c 'mount --bind "$0" /etc/libvirt/qemu.conf && exec "$@"' \
		"$lab_conf" || return 1
	for _ in $(seq 50); do virsh -q list --all >/dev/null 2>&1 && return 0; sleep 0.2; done
	echo "libvirtd does not answer" >&2
	return 1
}

lab_define() {
	local net=$1 dom=$2 subnet=$3 tftp=$4
	local xml
	xml=$(mktemp)
	cat >"$xml" <<XML
<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>$net</name>
  <bridge name='$(lab_bridge "$net")' stp='off' delay='0'/>
  <ip address='$subnet.1' netmask='255.255.255.0'>
    <tftp root='$tftp'/>
    <dhcp><range start='$subnet.10' end='$subnet.20'/><bootp file='/'/></dhcp>
  </ip>
  <dnsmasq:options><dnsmasq:option value='no-ping'/></dnsmasq:options>
</network>
XML
	virsh -q net-define "$xml" >/dev/null && virsh -q net-start "$net" >/dev/null || { rm -f "$xml"; return 1; }
	rm -f "$xml"
	lab_define_domain "$dom" "$net" "${@:5}"
}

# lab_define_domain DOM NET DISK CONSOLE MAC [UUID] [BLOCK_SIZE] [EMULATOR] [DISK_ORDER]
# [MEDIUM]: an s390x guest whose interface is first in the boot order; DISK_ORDER gives its
# disk <boot order='DISK_ORDER'/> (the fallback method needs 2), or "alone": the disk is
# the only boot device, as virt-install defines a guest that has been installed. MEDIUM is
# a raw disk attached read-only at 0.0.0003 (an install medium). A host I/O error (the
# host's disk full) reaches the guest, which says so, instead of pausing it until a limit.
lab_define_domain() {
	local dom=$1 net=$2 disk=$3 console=$4 mac=$5 uuid=${6:-} bs=${7:-}
	local emulator=${8:-/usr/bin/qemu-system-s390x} disk_order=${9:-} medium=${10:-}
	local xml iface_boot="<boot order='1'/>"
	[[ $disk_order == alone ]] && disk_order=1 iface_boot=""
	xml=$(mktemp)
	cat >"$xml" <<XML
<domain type='qemu'>
  <name>$dom</name>
  ${uuid:+<uuid>$uuid</uuid>}
  <memory unit='MiB'>512</memory>
  <os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os>
  <devices>
    <emulator>$emulator</emulator>
    <interface type='network'>
      <source network='$net'/><mac address='$mac'/><model type='virtio'/>
      $iface_boot<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>
    </interface>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' error_policy='report'/>
      <source file='$disk'/><target dev='vda' bus='virtio'/>
      ${bs:+<blockio logical_block_size='$bs' physical_block_size='$bs'/>}
      ${disk_order:+<boot order='$disk_order'/>}
      <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0002'/>
    </disk>
${medium:+    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/><source file='$medium'/><target dev='vdb' bus='virtio'/>
      <readonly/><address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0003'/>
    </disk>}
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

# lab_wait_off DOM [SECONDS]: wait until the domain is shut off; one still running after
# SECONDS (default 120) is destroyed (status 124).
lab_wait_off() {
	local dom=$1 limit=${2:-120}
	for _ in $(seq $((limit * 4))); do
		[[ $(virsh domstate "$dom" 2>/dev/null) == "shut off" ]] && return 0
		sleep 0.25
	done
	# (what the guest was waiting for, before it is gone: scripts/qemu-state.py)
	echo "lab: $dom still running at its ${limit} s limit; its state:"
	timeout 60 "$(dirname "${BASH_SOURCE[0]}")/qemu-state.py" --domain "$dom" 2>&1 | sed 's/^/  /'
	virsh -q destroy "$dom" >/dev/null 2>&1
	return 124
}

# lab_wait_for FILE PATTERN SECONDS
lab_wait_for() {
	local t
	for ((t = 0; t < $3 * 4; t++)); do
		grep -aq -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.25
	done
	return 1
}

# lab_reprovision SECONDS LOG CONSOLE ARGS...: `$cli reprovision ARGS` ($cli: the
# reboot-s390x under test) with its output in LOG and its status in rc. When the guest's
# firmware gave up on its TFTP transfer (lab_tftp_fault: the emulator's, not ours;
# reprovision rightly leaves the install entry then), say so and run it again, up to twice.
lab_reprovision() {
	local limit=$1 log=$2 console=$3 try
	shift 3
	for try in 1 2 3; do
		timeout "$limit" "$cli" reprovision "$@" >"$log" 2>&1
		rc=$?
		((rc != 0)) && lab_tftp_fault "$console" || return 0
		echo "note: $(basename "$console"): the firmware's TFTP client gave up (try $try): again"
	done
}

# lab_tftp_fault CONSOLE: the guest's network firmware gave up on a TFTP transfer because
# a late copy of a packet of its previous transfer arrived (its client takes any packet
# sent to its one port; it happens when the host is too busy to run the guest for a
# moment: see the README). An emulator's fact, not ours; the guest then stops (libvirt:
# crashed). Callers start it again, and say so.
lab_tftp_fault() { grep -aq 'TFTP error missing block' "$1" 2>/dev/null; }

# lab_run DOM [SECONDS] [CONSOLE]: the guest powers off at the end of each run in the tests
# and the demo; a guest still running after SECONDS (default 120) is destroyed.
lab_run() {
	local try rc
	for try in 1 2 3; do
		virsh -q start "$1" >/dev/null || return 1
		lab_wait_off "$1" "${2:-120}"
		rc=$?
		[[ -n ${3:-} ]] && lab_tftp_fault "$3" || return $rc
		echo "note: $1: the firmware's TFTP client gave up (a stale packet, try $try): started again"
	done
	return $rc
}

lab_diagnose() {
	local dom
	for dom in "$@"; do
		echo "$dom: $(virsh domstate --reason "$dom" 2>&1)"
		tail -n 4 "/var/log/libvirt/qemu/$dom.log" 2>/dev/null | cut -c1-200 | sed 's/^/  /'
	done
}

lab_cleanup() {
	local net=$1 dom pid
	shift
	for dom in "$@"; do
		virsh -q destroy "$dom" >/dev/null 2>&1
		virsh -q undefine "$dom" >/dev/null 2>&1
		# (libvirtd keeps a domain's QEMU log after it is gone: the run's own names only)
		rm -f "/var/log/libvirt/qemu/$dom.log"
	done
	virsh -q net-destroy "$net" >/dev/null 2>&1
	virsh -q net-undefine "$net" >/dev/null 2>&1
	rm -f "/var/lib/libvirt/dnsmasq/$net".* "/var/lib/libvirt/dnsmasq/$(lab_bridge "$net")".*
	for pid in "${lab_started[@]}"; do kill "$pid" 2>/dev/null; done
	for pid in "${lab_started[@]}"; do
		for _ in $(seq 50); do lab_alive "$pid" || break; sleep 0.1; done
	done
	if ((${#lab_started[@]})); then
		ip netns del "$lab_netns" 2>/dev/null
		[[ -n $lab_conf ]] && rm -f "$lab_conf"
	fi
	lab_started=()
}
