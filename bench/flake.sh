#!/usr/bin/env bash
# flake.sh - run one test suite N times and print its flake rate: how many runs failed,
# and which checks failed in them. Asserts nothing; the figure goes into the README.
#
# Usage: bench/flake.sh N SUITE [ARGS...]
#   bench/flake.sh 20 tests/libvirt/reprovision.sh
#   bench/flake.sh 20 tests/e2e/lanes.sh
# Each run is under tests/runner.sh's time limit (FLAKE_LIMIT, default 3000 s); the
# failing runs' FAIL lines, with the details below each, are kept in a log whose path is
# printed at the end. Run nothing else meanwhile: a loaded host is a different test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: flake.sh N SUITE [ARGS...]}
shift
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "flake: N must be a positive number, not '$n'" >&2; exit 1; }
log=$(mktemp /tmp/reboot-s390x-flake.XXXXXX)
failed=0
for ((i = 1; i <= n; i++)); do
	out=$("$top/tests/runner.sh" --limit "${FLAKE_LIMIT:-3000}" "$*" 2>&1)
	if [[ $(tail -n 1 <<<"$out") == *" 0 failed"* ]]; then
		echo "run $i: pass ($(tail -n 1 <<<"$out"))"
	else
		failed=$((failed + 1))
		echo "run $i: FAIL ($(tail -n 1 <<<"$out"))"
		# The failing checks and their details, at any depth ("  | FAIL ..." in lanes.sh).
		{ echo "=== run $i"; grep -E -A12 '^[ |]*FAIL ' <<<"$out"; } >>"$log"
	fi
done
echo "$*: $failed of $n runs failed (failing checks in $log)"
