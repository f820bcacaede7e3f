#!/usr/bin/env bash
# pgha's whole test suite, as CI runs it (README: "Run the tests").
#   1. unit    mvn verify: transport against an in-JVM SSH server, engine against a scripted host,
#              inventory/roles/templating/modules/verification units (no lab needed)
#   2. lab     lab/selftest: three nspawn hosts up, pgha ping with strict host keys, crash/start, down, nothing left
#   3. cluster tests/cluster-e2e on Debian trixie, PostgreSQL from a local signed mirror (the repository path):
#              provision from bare hosts, re-run changed=0, --check, a changed setting, verify, lab ITs, drills
#   4. bookworm tests/cluster-e2e on Debian bookworm with the distribution's PostgreSQL, without drills
#   5. vagrant  vagrant/ci-smoke: box built from Debian packages unless cached, one VM brought up by Vagrant
#              (libvirt, QEMU), pgha ping with strict host keys, everything torn down
# Each stage prints how long it took; the last line counts stages passed and failed.
# TEST_STAGES="unit lab" limits the run to some stages. Lab stages need root on Linux.
set -uo pipefail
cd "$(dirname "$0")"

ALL_STAGES=(unit lab cluster bookworm vagrant)
# CI runs all five on every change. unit..bookworm take about 15 minutes on a quiet 2-core machine; vagrant
# took 20 minutes from cold (box built from Debian packages, one VM booted under software emulation; load 4-9,
# docs/vagrant.md) and about 5 with the box cached in /var/cache/pgha-vagrant. TEST_STAGES=all is the same set.
DEFAULT_STAGES=("${ALL_STAGES[@]}")
stages_wanted=${TEST_STAGES:-${DEFAULT_STAGES[*]}}
[[ $stages_wanted == all ]] && stages_wanted=${ALL_STAGES[*]}
read -r -a STAGES <<<"$stages_wanted"

# Each stage's output is also kept in a file: a failed stage's reason is repeated at the end, where a CI page
# that shows only the last lines of a long run still has it.
logs=${TEST_LOGS:-$(mktemp -d /tmp/pgha-test.XXXXXX)}
mkdir -p "$logs"
passed=0 failed=0 summary=() failed_stages=()
run_stage() {
    local name=$1; shift
    local start=$SECONDS
    echo "=== stage $name: $*"
    "$@" 2>&1 | tee "$logs/$name.log"
    if [[ ${PIPESTATUS[0]} -eq 0 ]]; then
        passed=$((passed + 1)); summary+=("$(printf '%-8s passed %5d s' "$name" $((SECONDS - start)))")
    else
        failed=$((failed + 1)); summary+=("$(printf '%-8s FAILED %5d s' "$name" $((SECONDS - start)))")
        failed_stages+=("$name")
    fi
    echo "=== stage $name took $((SECONDS - start)) s"
}

# why_failed NAME: the lines of a failed stage's output that say what failed, then its last lines.
why_failed() {
    local log=$logs/$1.log
    echo
    echo "=== why stage $1 failed (whole output: $log)"
    grep -nE 'E2E FAILED|^fatal:|^failed:|^unreachable:|FAIL(ED)?:|\[ERROR\]|Tests run:.*(Failures: [1-9]|Errors: [1-9])|^Error|error:' "$log" |
        grep -v 'Failures: 0, Errors: 0' | head -25
    echo "--- its last 40 lines"
    tail -40 "$log"
}

stage_unit() { mvn -B -ntp verify; }
stage_lab() { LAB_PING=pgha lab/selftest; }
stage_cluster() { LAB_RELEASE=trixie E2E_SOURCE=pgdg E2E_DRILLS=yes tests/cluster-e2e; }
stage_bookworm() { LAB_RELEASE=bookworm E2E_SOURCE=distro E2E_DRILLS=no tests/cluster-e2e; }
stage_vagrant() { vagrant/ci-smoke; }

total=$SECONDS
for s in "${STAGES[@]}"; do
    case $s in
        unit | lab | cluster | bookworm | vagrant) run_stage "$s" "stage_$s" ;;
        *) echo "unknown stage '$s' (known: ${ALL_STAGES[*]})" >&2; exit 2 ;;
    esac
    # Without a jar and unit tests passing, the later stages would only repeat the failure.
    if [[ $s == unit && $failed -gt 0 ]]; then break; fi
done

for s in ${failed_stages[@]+"${failed_stages[@]}"}; do why_failed "$s"; done
echo
echo "=== stage times"
printf '  %s\n' "${summary[@]}"
echo "  total    $((SECONDS - total)) s"
echo "stages: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
