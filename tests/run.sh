#!/usr/bin/env bash
# run.sh - run test programs, print RUN/PASS/FAIL per program and a closing count.
#
# Usage: tests/run.sh TEST...
# A test is a command line, split at blanks ("env QEMU_LANE=10.0 tests/e2e/run.sh" runs
# the e2e suite on one QEMU lane); it passes when it exits 0. A failing test's output is
# shown.
set -u
passed=0 failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$@"; do
	printf 'RUN  %s\n' "$t"
	# shellcheck disable=SC2086 # a test is a command line
	if $t >"$log" 2>&1; then
		passed=$((passed + 1))
		grep -E '^\[  PASSED  \]|^[0-9]+ passed, [0-9]+ failed' "$log" | sed 's/^/     /'
		printf 'PASS %s\n' "$t"
	else
		failed=$((failed + 1))
		sed 's/^/     /' "$log"
		printf 'FAIL %s\n' "$t"
	fi
done
printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
