#!/bin/bash
# bench/provision.sh [RUNS]: how long pgha takes to provision the lab, against a plain apt-get install.
#
# Each run starts from bare lab hosts (lab/down + lab/up) and times:
#   first     pgha provision from bare hosts to a healthy cluster
#   rerun     the very same command again (must report changed=0 on every host), RERUNS times
#   check     pgha provision --check after that (must report nothing to change), RERUNS times
#   apt       on fresh bare hosts: apt-get update + apt-get install of the same packages, on the three
#             hosts in parallel (what the provisioner cannot beat: package download and dpkg)
# and prints the medians; with BENCH_WRITE=1 (default) it replaces its section of docs/benchmarks.md.
#
# Environment: LAB_NAME (default bench), LAB_SUBNET (default 10.88.9), LAB_RELEASE (default trixie),
# PGHA (default bin/pgha), RERUNS (default 5: a re-run takes seconds, and this shared machine varies by more
# than a single one would show). Runs as root (the lab needs it). Only talks to this lab instance's hosts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
RUNS=${1:-3}
RERUNS=${RERUNS:-5}
export LAB_NAME=${LAB_NAME:-bench} LAB_SUBNET=${LAB_SUBNET:-10.88.9} LAB_RELEASE=${LAB_RELEASE:-trixie}
PGHA=${PGHA:-bin/pgha}
BENCH_WRITE=${BENCH_WRITE:-1}
STATE=${LAB_STATE:-lab/state/$LAB_NAME}
INVENTORY=$STATE/inventory.yml
LOG_DIR=$(mktemp -d /tmp/pgha-bench.XXXXXX)

case $LAB_RELEASE in trixie) PGV=17 ;; bookworm) PGV=15 ;; *) echo "unknown LAB_RELEASE $LAB_RELEASE" >&2; exit 2 ;; esac
# The packages the roles install (common, etcd, postgresql, patroni, haproxy).
PACKAGES="ca-certificates curl gnupg python3 less procps iproute2 chrony etcd-server etcd-client
postgresql-$PGV postgresql-client-$PGV patroni python3-etcd python3-psycopg2 haproxy"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fresh_lab() { lab/down >/dev/null 2>&1 || true; lab/up >"$LOG_DIR/lab-up.log" 2>&1; }
hosts() { awk '/ansible_host:/ { print $2 }' "$INVENTORY"; }

# Runs pgha, keeps its output, fails the benchmark when it fails.
pgha_timed() {
    local name=$1; shift
    local t0 t1
    t0=$(now)
    if ! "$PGHA" provision -i "$INVENTORY" "$@" >"$LOG_DIR/$name.log" 2>&1; then
        echo "pgha provision $* failed; output in $LOG_DIR/$name.log" >&2
        tail -30 "$LOG_DIR/$name.log" >&2
        exit 1
    fi
    t1=$(now)
    elapsed "$t0" "$t1"
}

# The recap of a converged re-run or check run must show changed=0 for every host.
expect_no_change() {
    if grep -E 'changed=[1-9]' "$LOG_DIR/$1.log" >/dev/null; then
        echo "$1: expected changed=0 on every host:" >&2
        grep -E 'changed=' "$LOG_DIR/$1.log" >&2
        exit 1
    fi
}

plain_install() {
    local key="$STATE/ssh/id_ed25519" kh="$STATE/ssh/known_hosts" t0 t1 ip pids=()
    t0=$(now)
    for ip in $(hosts); do
        ssh -i "$key" -o UserKnownHostsFile="$kh" -o StrictHostKeyChecking=yes -o BatchMode=yes "pgha@$ip" \
            "sudo DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends $(echo $PACKAGES)'" \
            >"$LOG_DIR/apt-$ip.log" 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo "plain install failed, see $LOG_DIR/apt-*.log" >&2; exit 1; }; done
    t1=$(now)
    elapsed "$t0" "$t1"
}

first=() rerun=() check=() apt=()
for run in $(seq "$RUNS"); do
    echo "run $run/$RUNS: bare hosts" >&2
    fresh_lab
    first+=("$(pgha_timed first-$run)")
    for r in $(seq "$RERUNS"); do
        rerun+=("$(pgha_timed "rerun-$run-$r")")
        expect_no_change "rerun-$run-$r"
    done
    for r in $(seq "$RERUNS"); do
        check+=("$(pgha_timed "check-$run-$r" --check)")
        expect_no_change "check-$run-$r"
    done
    fresh_lab
    apt+=("$(plain_install)")
    echo "run $run: first ${first[-1]} s, re-runs ${rerun[*]: -$RERUNS} s, --check ${check[*]: -$RERUNS} s, plain apt ${apt[-1]} s" >&2
done
lab/down >/dev/null 2>&1 || true

m_first=$(echo "${first[*]}" | median)
m_rerun=$(echo "${rerun[*]}" | median)
m_check=$(echo "${check[*]}" | median)
m_apt=$(echo "${apt[*]}" | median)
ratio=$(awk -v a="$m_first" -v b="$m_apt" 'BEGIN { printf "%.2f", a / b }')

section=$(cat <<MD
<!-- bench/provision.sh: start -->
## Provisioning time (bench/provision.sh)

Lab: three systemd-nspawn hosts, Debian $LAB_RELEASE (PostgreSQL $PGV from the distribution), on this
machine ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Medians of $RUNS runs, each
from bare hosts, with $RERUNS re-runs and $RERUNS \`--check\` runs after each first provision; $(date -u +%Y-%m-%d).

| what | median (s) | runs (s) |
|---|---|---|
| \`pgha provision\`, bare hosts to healthy cluster | $m_first | ${first[*]} |
| the same command again (changed=0) | $m_rerun | ${rerun[*]} |
| \`pgha provision --check\` (nothing to change) | $m_check | ${check[*]} |
| plain \`apt-get update && apt-get install\` of the same packages, 3 hosts in parallel | $m_apt | ${apt[*]} |

First provision / plain install: **${ratio}x** (target: at most 1.5x). Re-run target: at most 3 s.
Re-run: \`LAB_NAME=bench RERUNS=$RERUNS bench/provision.sh $RUNS\`.
<!-- bench/provision.sh: end -->
MD
)
echo "$section"
if [[ $BENCH_WRITE == 1 ]]; then
    write_doc_section bench/provision.sh "$section"
fi
