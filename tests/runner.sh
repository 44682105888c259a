#!/usr/bin/env bash
# runner.sh - run test programs, each under a time limit, and count their checks.
#
# Usage: tests/runner.sh [--limit SECONDS] TEST... [--limit SECONDS] TEST...
# A test is a command line, split at blanks ("env QEMU_LANE=10.0 tests/e2e/scenarios.sh"
# runs one lane); --limit sets the time limit of the tests after it (default 600 s).
#
# A program's checks are read from its output: the closing line of tests/check.sh
# ("N passed, M failed, K skipped") or cmocka's ("[  PASSED  ] N test(s)." and its
# FAILED and SKIPPED lines). A program fails when it exits non-zero, when its limit
# ends it, or when it prints no count at all; a failing program counts at least one
# failed check whatever it printed, and its output is shown whole; of a passing one, its
# SKIP lines and its "note:" lines (what it met and worked around). The closing line
# counts checks, not programs:
#   N passed, M failed, K skipped
set -u
passed=0 failed=0 skipped=0 limit=600
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# counts LOG: "P F S" from the last count line of LOG, or nothing
counts() {
	local c
	c=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$1" | tail -n 1)
	if [[ -n $c ]]; then
		c=${c//[a-z,]/}
		read -r p f s <<<"$c"
		echo "$p $f ${s:-0}"
		return
	fi
	grep -qE '^\[  PASSED  \] [0-9]+ test|^\[  FAILED  \] [0-9]+ test' "$1" || return 0
	p=$(sed -nE 's/^\[  PASSED  \] ([0-9]+) test.*/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }')
	f=$(sed -nE 's/^\[  FAILED  \] ([0-9]+) test.*/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }')
	s=$(sed -nE 's/^\[  SKIPPED \] ([0-9]+) test.*/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }')
	echo "$p $f $s"
}

while (($#)); do
	if [[ $1 == --limit ]]; then
		limit=$2
		shift 2
		continue
	fi
	t=$1
	shift
	printf 'RUN  %s\n' "$t"
	start=$SECONDS
	# timeout runs the test in a process group of its own and signals all of it; a test's
	# EXIT trap stops what it started (tests/check.sh). --kill-after: one that ignores it.
	# shellcheck disable=SC2086 # a test is a command line
	timeout --kill-after=30 "$limit" $t >"$log" 2>&1 </dev/null
	rc=$?
	took=$((SECONDS - start))
	read -r p f s <<<"$(counts "$log")"
	why=""
	if ((rc == 124 || rc == 137)); then
		why="stopped by its time limit of $limit s"
	elif ((rc != 0)); then
		why="exit status $rc"
	elif [[ -z ${p:-} ]]; then
		why="no count line: nothing says what it checked"
	fi
	p=${p:-0} f=${f:-0} s=${s:-0}
	if [[ -n $why ]]; then
		((f == 0)) && f=1
		sed 's/^/     /' "$log"
		printf 'FAIL %s (%s; %d passed, %d failed, %d skipped, %d s)\n' "$t" "$why" "$p" "$f" "$s" "$took"
	else
		grep -E '^(SKIP |note: )' "$log" | sed 's/^/     /'
		printf 'PASS %s (%d passed, %d skipped, %d s)\n' "$t" "$p" "$s" "$took"
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
((failed == 0))
