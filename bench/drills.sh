#!/bin/bash
# bench/drills.sh [RUNS]: every failure drill, RUNS times, on a freshly provisioned lab cluster: first with
# asynchronous replication, then with synchronous mode on. Prints the medians per drill (time to a new
# leader, RTO, longest write gap) and the lost writes of every run, and with BENCH_WRITE=1 (default)
# replaces its section of docs/benchmarks.md.
#
# Environment: LAB_NAME (default benchd), LAB_SUBNET (default 10.88.8), LAB_RELEASE (default trixie),
# MODES (default "async sync"), PGHA (default bin/pgha). Runs as root (the lab needs it). Only talks to this
# lab instance's hosts. A drill that fails is kept in the figures and named in the output; the script then
# exits 1 after writing them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
RUNS=${1:-3}
export LAB_NAME=${LAB_NAME:-benchd} LAB_SUBNET=${LAB_SUBNET:-10.88.8} LAB_RELEASE=${LAB_RELEASE:-trixie}
MODES=${MODES:-async sync}
PGHA=${PGHA:-bin/pgha}
BENCH_WRITE=${BENCH_WRITE:-1}
STATE=${LAB_STATE:-lab/state/$LAB_NAME}
INVENTORY=$STATE/inventory.yml
LOG_DIR=$(mktemp -d /tmp/pgha-bench-drills.XXXXXX)
trap 'lab/down >/dev/null 2>&1 || true' EXIT

lab/down >/dev/null 2>&1 || true
lab/up >"$LOG_DIR/lab-up.log" 2>&1
echo "provisioning the $LAB_NAME lab ($LAB_RELEASE)" >&2
"$PGHA" provision -i "$INVENTORY" >"$LOG_DIR/provision.log" 2>&1 || { tail -30 "$LOG_DIR/provision.log" >&2; exit 1; }

reports=()
for mode in $MODES; do
    inventory=$INVENTORY
    if [[ $mode == sync ]]; then
        # A copy beside the original, so the secrets file and key paths are found the same way.
        inventory=$STATE/bench-sync.yml
        sed 's/^  vars:$/  vars:\n    patroni_synchronous_mode: true/' "$INVENTORY" >"$inventory"
        "$PGHA" provision -i "$inventory" >"$LOG_DIR/provision-sync.log" 2>&1 \
            || { tail -30 "$LOG_DIR/provision-sync.log" >&2; exit 1; }
    fi
    for run in $(seq "$RUNS"); do
        echo "$mode run $run/$RUNS: pgha drill all" >&2
        before=$(ls -d "$STATE"/reports/*/ 2>/dev/null | sort | tail -1 || true)
        "$PGHA" drill all --yes -i "$inventory" >"$LOG_DIR/drills-$mode-$run.log" 2>&1 \
            || echo "$mode run $run: a drill failed (see $LOG_DIR/drills-$mode-$run.log)" >&2
        latest=$(ls -d "$STATE"/reports/*/ 2>/dev/null | sort | tail -1 || true)
        [[ -n $latest && $latest != "$before" ]] || { echo "no report written by run $run" >&2; exit 1; }
        reports+=("$mode=${latest}report.json")
    done
done

section=$(python3 - "$RUNS" "$LAB_RELEASE" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${reports[@]}" <<'PY'
import json, statistics, sys, datetime
runs, release, cores, load = sys.argv[1:5]
figures = {}   # (mode, drill) -> list of drill dicts
order = []
failed = []
for item in sys.argv[5:]:
    mode, path = item.split("=", 1)
    for d in json.load(open(path))["drills"]:
        key = (mode, d["drill"])
        if key not in figures:
            figures[key] = []
            order.append(key)
        figures[key].append(d)
        if not d["passed"]:
            failed.append(f"{mode} {d['drill']}: " + "; ".join(d["problems"]))

def med(ds, field):
    values = [d[field] for d in ds if d.get(field) is not None and d[field] >= 0]
    return f"{statistics.median(values):.2f} s" if values else "-"

def runs_of(ds, field):
    return " / ".join(f"{d[field]:.1f}" if d.get(field) is not None and d[field] >= 0 else "-" for d in ds)

print("<!-- bench/drills.sh: start -->")
print("## Failure drills (bench/drills.sh)")
print()
print(f"Lab: three systemd-nspawn hosts, Debian {release}, pgha's default settings, on this machine ({cores} cores,")
print(f"load average {load} at the end). `pgha drill all` {runs} times with asynchronous replication and {runs} times")
print(f"with `patroni_synchronous_mode: true`; a writer inserts every 50 ms through HAProxy. {datetime.date.today()}.")
print()
print("| mode | drill | new leader after (median) | RTO (median) | RTO of each run (s) | longest gap (median) | lost writes per run | model min/avg/max |")
print("|---|---|---|---|---|---|---|---|")
for key in order:
    ds = figures[key]
    model = ds[-1]["expected_seconds"]
    lost = " / ".join(str(d["lost_writes"]) for d in ds)
    print(f"| {key[0]} | {key[1]} | {med(ds, 'time_to_new_leader_seconds')} | **{med(ds, 'rto_seconds')}** | "
          f"{runs_of(ds, 'rto_seconds')} | {med(ds, 'longest_write_gap_seconds')} | {lost} | "
          f"{model['min']:.1f} / {model['avg']:.1f} / {model['max']:.1f} s |")
print()
print("Failed drills: " + ("; ".join(failed) if failed else "none") + ".")
print(f"Re-run: `bench/drills.sh {runs}` (as root).")
print("<!-- bench/drills.sh: end -->")
sys.exit(0)
PY
)
echo "$section"
if [[ $BENCH_WRITE == 1 ]]; then
    write_doc_section bench/drills.sh "$section"
fi
grep -q '^Failed drills: none\.$' <<<"$section"
