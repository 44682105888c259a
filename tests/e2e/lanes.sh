#!/usr/bin/env bash
# lanes.sh - every emulated suite on every QEMU lane, two at a time.
#
# Usage: tests/e2e/lanes.sh [LANE...]     (default: $QEMU_LANES, else 7.2 10.0 newest)
#
# The suites per lane: the firmware model (tests/e2e/firmware-model.sh), the end-to-end
# scenarios (tests/e2e/scenarios.sh), the demo (demo/run.sh) and `set` against the real
# kernel's sysfs (tests/e2e/kernel-sysfs.sh), secure IPL (tests/e2e/secure-ipl.sh: every
# case skipped, counted, until a lane's QEMU has it), a real Debian system on its zipl
# disk through each method (tests/e2e/real-system.sh; the system is built first, once,
# and cached: scripts/debian-system.sh), and its installer on a disk that stops answering
# on purpose (tests/e2e/disk-stall.sh). An emulated guest keeps one
# core busy, so two suites run side by side (E2E_JOBS, default 2); each suite's output is
# kept and printed when it ends, a failing one in full. The closing line adds up the
# suites' own counts (tests/check.sh's format); a suite that exits non-zero or prints
# no count fails.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
read -r -a lanes <<<"${*:-${QEMU_LANES:-7.2 10.0 newest}}"
jobs=${E2E_JOBS:-2}
out=$(mktemp -d /tmp/reboot-s390x-lanes.XXXXXX)
trap 'rm -rf "$out"' EXIT

# The long suites first, so that the short ones fill the gaps at the end.
tasks=()
# Each lane's QEMU version, printed with its results (the newest lane's changes by itself).
declare -A version=()
for lane in "${lanes[@]}"; do
	version[$lane]=$("$top/scripts/qemu-lanes.sh" version "$lane") || exit 1
	echo "lane $lane: QEMU ${version[$lane]}"
done
# A host disk that fills up fails the guests' disk writes. The suites, two at once, kept up
# to 2.3 GB in /tmp (the start's free space against the least seen, in a clean-clone
# run; real-system.sh keeps the installed disk and a copy, 0.5 GB of data each): with
# less than 4 GB free, say so instead of failing midway. The least seen while the suites
# run is printed at the end.
free_mb() { df -m --output=avail /tmp | tail -n 1 | tr -d ' '; }
least_free=$(free_mb)
echo "note: space: $least_free MB free in /tmp"
((least_free >= 4096)) || { echo "lanes: /tmp has less than the 4 GB free the suites need" >&2; exit 1; }
# (built here, before the suites run side by side, so that none waits for another's build)
"$top/scripts/debian-system.sh" path >/dev/null || exit 1
for suite in tests/e2e/real-system.sh tests/e2e/scenarios.sh tests/e2e/firmware-model.sh demo/run.sh \
	tests/e2e/disk-stall.sh tests/e2e/kernel-sysfs.sh tests/e2e/secure-ipl.sh; do
	for lane in "${lanes[@]}"; do
		"$top/scripts/qemu-lanes.sh" path "$lane" >/dev/null || exit 1
		tasks+=("$lane $suite")
	done
done

# run_task N: task N, its output in $out/N.log, its exit status in $out/N.rc, written
# whole (a rename) so that a reader never sees the file before its status is in it
run_task() {
	local lane=${tasks[$1]%% *} suite=${tasks[$1]#* } system=${DEMO_SYSTEM:-}
	# (the demo on 7.2 with the small system, and said: QEMU 7.2's TCG now and then stalls
	# or hangs the Debian kernel, README "Reliability"; tests/e2e/real-system.sh boots the
	# real system on 7.2, up to 3 boots each for that)
	if [[ $lane == 7.2 && $suite == demo/run.sh && $system != small ]]; then
		system=small
		echo "note: [QEMU 7.2] the demo runs with the small system (README, \"Reliability\")"
	fi >"$out/$1.log"
	QEMU_LANE=$lane DEMO_SYSTEM=$system "$top/$suite" >>"$out/$1.log" 2>&1
	echo $? >"$out/$1.rc.tmp"
	mv "$out/$1.rc.tmp" "$out/$1.rc"
}

passed=0 failed=0 skipped=0 next=0 shown=0
declare -A running=()
while ((shown < ${#tasks[@]})); do
	# A finished task frees its place at once, whether or not it was reported yet.
	for i in "${!running[@]}"; do
		if [[ -f $out/$i.rc ]]; then
			wait "${running[$i]}" 2>/dev/null
			unset "running[$i]"
		fi
	done
	while ((${#running[@]} < jobs && next < ${#tasks[@]})); do
		run_task "$next" &
		running[$next]=$!
		next=$((next + 1))
	done
	# Report finished tasks in their order, as soon as each one is done.
	while ((shown < next)) && [[ -f $out/$shown.rc ]]; do
		rc=$(cat "$out/$shown.rc")
		counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out/$shown.log" | tail -n 1)
		p=0 f=0 s=0
		[[ -n $counts ]] && read -r p f s <<<"${counts//[a-z,]/}"
		s=${s:-0}
		# A suite that exits non-zero failed, whatever it printed; one that says nothing of
		# what it checked did not pass either.
		[[ $rc =~ ^[0-9]+$ ]] || rc=1
		[[ -n $counts ]] || ((rc != 0)) || rc=1
		((rc != 0 && f == 0)) && f=1
		passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
		if ((rc == 0)); then
			printf 'PASS [QEMU %s %s] %s: %s\n' "${tasks[$shown]%% *}" "${version[${tasks[$shown]%% *}]}" \
				"${tasks[$shown]#* }" "$counts"
			grep -E '^(SKIP |note: )' "$out/$shown.log"
		else
			sed 's/^/  | /' "$out/$shown.log"
			printf 'FAIL [QEMU %s %s] %s: exit status %s%s\n' "${tasks[$shown]%% *}" \
				"${version[${tasks[$shown]%% *}]}" "${tasks[$shown]#* }" \
				"$rc" "${counts:+, $counts}"
		fi
		shown=$((shown + 1))
	done
	sleep 0.5
	free=$(free_mb)
	((free < least_free)) && least_free=$free
done
echo "note: space: at least $least_free MB free in /tmp while the suites ran"
printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
((failed == 0))
