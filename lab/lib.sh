# shellcheck shell=bash
# Shared settings and helpers for the lab scripts (sourced, not run).
#
# One lab instance = three systemd-nspawn containers on a bridge of their own. Several instances can run at
# once on one machine as long as LAB_NAME and LAB_SUBNET differ.

set -euo pipefail

[[ -n ${LAB_RELEASE:-} ]] && LAB_RELEASE_SET=1
[[ -n ${LAB_SUBNET:-} ]] && LAB_SUBNET_SET=1
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_NAME=${LAB_NAME:-pgha}
LAB_SUBNET=${LAB_SUBNET:-10.88.0}
LAB_RELEASE=${LAB_RELEASE:-trixie}
# Absolute, because the inventory and the fault wrapper name files in it.
LAB_STATE=$(realpath -m "${LAB_STATE:-$LAB_DIR/state/$LAB_NAME}")
LAB_CACHE=${LAB_CACHE:-/var/cache/pgha-lab}
LAB_HOSTS=(pg1 pg2 pg3)
LAB_USER=pgha
# Time allowed for a host to boot until sshd answers and systemd reports "running".
LAB_BOOT_TIMEOUT=${LAB_BOOT_TIMEOUT:-90}

BRIDGE="br-$LAB_NAME"
BRIDGE_IP="$LAB_SUBNET.1"
# iptables chain holding this instance's forwarding policy (name limit: 28 characters).
FW_CHAIN="PGHA-LAB-$LAB_NAME"
FW_COMMENT="pgha-lab:$LAB_NAME"
CG_PARENT=pgha-lab
SSH_KEY="$LAB_STATE/ssh/id_ed25519"
KNOWN_HOSTS="$LAB_STATE/ssh/known_hosts"
INVENTORY="$LAB_STATE/inventory.yml"

die() { echo "lab: $*" >&2; exit 1; }
say() { echo "lab[$LAB_NAME]: $*" >&2; }

validate_settings() {
    # The host-side veth is "vb-" + machine name and an interface name has at most 15 characters,
    # so the machine name "$LAB_NAME-pgN" allows a LAB_NAME of at most 8 characters.
    [[ $LAB_NAME =~ ^[a-z][a-z0-9]{0,7}$ ]] ||
        die "LAB_NAME='$LAB_NAME' must be 1-8 characters a-z0-9 starting with a letter (it names the veth vb-$LAB_NAME-pg1, max 15 characters)"
    [[ $LAB_SUBNET =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] ||
        die "LAB_SUBNET='$LAB_SUBNET' must be the first three octets of a /24, e.g. 10.88.0"
    local o
    for o in "${BASH_REMATCH[@]:1}"; do ((10#$o <= 255)) || die "LAB_SUBNET='$LAB_SUBNET': octet $o is above 255"; done
    [[ $LAB_STATE != *[[:space:]]* ]] ||
        die "LAB_STATE='$LAB_STATE' contains a space; pgha splits the inventory's fault command on spaces"
    case $LAB_RELEASE in
        trixie | bookworm) ;;
        *) die "LAB_RELEASE='$LAB_RELEASE' is not supported; use trixie (default) or bookworm" ;;
    esac
}

require_root_linux() {
    [[ $(uname -s) == Linux ]] || die "the lab needs Linux (systemd-nspawn); this is $(uname -s)"
    ((EUID == 0)) || die "the lab must run as root (it creates a bridge, containers and firewall rules); try: sudo $0"
}

# Index 0..2 -> host name, machine name, address.
host_ip() { echo "$LAB_SUBNET.$((11 + $1))"; }
machine_of() { echo "$LAB_NAME-$1"; }
veth_of() { echo "vb-$LAB_NAME-$1"; }
host_index() {
    local i
    for i in "${!LAB_HOSTS[@]}"; do [[ ${LAB_HOSTS[$i]} == "$1" ]] && { echo "$i"; return; }; done
    die "unknown host '$1'; lab hosts are: ${LAB_HOSTS[*]}"
}

host_dir() { echo "$LAB_STATE/hosts/$1"; }
pid_file() { echo "$(host_dir "$1")/nspawn.pid"; }
cgroup_dirs() {
    local m
    m=$(machine_of "$1")
    echo "/sys/fs/cgroup/unified/$CG_PARENT/$m /sys/fs/cgroup/systemd/$CG_PARENT/$m"
}

# The PID of the host's nspawn process if it runs, else nothing. Checks the command line so a recycled PID
# of an unrelated process is never taken for ours.
running_pid() {
    local f pid
    f=$(pid_file "$1")
    [[ -f $f ]] || return 0
    pid=$(<"$f")
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "systemd-nspawn.*--machine=$(machine_of "$1") "; then
        echo "$pid"
    fi
}

# Serialise the state-changing scripts of one instance (up/down/fault of the same LAB_NAME).
lock_instance() {
    mkdir -p "$LAB_STATE"
    exec 8>"$LAB_STATE/lock"
    flock -n 8 && return 0
    say "waiting for another lab command on this instance (lock: $LAB_STATE/lock)"
    flock -w 300 8 || die "another lab command still holds $LAB_STATE/lock after 5 minutes"
}

mirror_addresses() {
    getent ahostsv4 deb.debian.org | awk '{print $1}' | sort -u
}

base_dir() { echo "$LAB_CACHE/$LAB_RELEASE"; }

SSH_OPTS=(-i "$SSH_KEY" -o "UserKnownHostsFile=$KNOWN_HOSTS" -o StrictHostKeyChecking=yes
    -o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=3 -o LogLevel=ERROR)

# Run a command on a lab host as the lab user (strict host-key checking against the lab's known_hosts).
lab_ssh() {
    local ip=$1
    shift
    # shellcheck disable=SC2029 # the command is meant to run remotely as given
    ssh "${SSH_OPTS[@]}" "$LAB_USER@$ip" "$@"
}

# Remove a cgroup and everything the container's systemd created below it (deepest first).
remove_cgroup_tree() {
    local dir=$1
    [[ -d $dir ]] || return 0
    find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null || true
    [[ ! -d $dir ]] || { echo "lab: could not remove cgroup $dir (processes left?)" >&2; return 1; }
}

# A zombie counts as gone: its parent may be a script that has not reaped it yet.
pid_alive() {
    local state
    state=$(sed -n 's/^.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z ]]
}

wait_pid_gone() {
    local pid=$1 timeout=$2 t=0
    while pid_alive "$pid"; do
        ((t >= timeout * 10)) && return 1
        sleep 0.1
        t=$((t + 1))
    done
}

# ---------------------------------------------------------------------------------------------------------
# Machine preparation

# Installs the Debian packages the lab needs on this machine, only if one is missing.
ensure_host_packages() {
    local -A need=([systemd-nspawn]=systemd-container [debootstrap]=debootstrap [ip]=iproute2
        [iptables]=iptables [ssh]=openssh-client [ssh-keygen]=openssh-client [flock]=util-linux
        [unshare]=util-linux [setsid]=util-linux [findmnt]=util-linux)
    local cmd missing=()
    for cmd in "${!need[@]}"; do command -v "$cmd" >/dev/null || missing+=("${need[$cmd]}"); done
    if ((${#missing[@]})); then
        command -v apt-get >/dev/null ||
            die "missing ${missing[*]} and no apt-get to install them; the lab needs a Debian-like host with systemd-nspawn"
        say "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
            die "could not install ${missing[*]} with apt-get"
    fi
    grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null ||
        die "the kernel has no overlay filesystem (needed to share one base between the hosts)"
    [[ -f /sys/fs/cgroup/unified/cgroup.procs || -f /sys/fs/cgroup/cgroup.procs ]] ||
        die "no cgroup v2 hierarchy at /sys/fs/cgroup/unified; systemd-nspawn containers cannot be managed here"
    [[ -f /sys/fs/cgroup/unified/cgroup.procs ]] ||
        die "this lab expects a hybrid cgroup layout (/sys/fs/cgroup/unified + /sys/fs/cgroup/systemd), as on a host whose PID 1 is not systemd"
}

BASE_PACKAGES=systemd,systemd-sysv,dbus,libpam-systemd,openssh-server,sudo,python3,iproute2,iputils-ping,ca-certificates,curl,gnupg,procps,less

# Builds the release's base root filesystem once (shared by every instance, one build at a time).
ensure_base() {
    local base rootfs tmp
    base=$(base_dir)
    rootfs=$base/rootfs
    [[ -f $base/ready ]] && return 0
    mkdir -p "$LAB_CACHE"
    exec 7>"$LAB_CACHE/$LAB_RELEASE.lock"
    flock -n 7 || { say "waiting for another lab building the $LAB_RELEASE base"; flock 7; }
    if [[ ! -f $base/ready ]]; then
        say "building the $LAB_RELEASE base in $rootfs (about a minute, once)"
        mkdir -p "$base"
        tmp=$base/rootfs.tmp
        discard_tree "$tmp"
        if ! debootstrap --variant=minbase --include="$BASE_PACKAGES" "$LAB_RELEASE" "$tmp" \
            http://deb.debian.org/debian >"$base/debootstrap.log" 2>&1; then
            tail -n 20 "$base/debootstrap.log" >&2
            discard_tree "$tmp"
            die "debootstrap of $LAB_RELEASE failed; full log: $base/debootstrap.log"
        fi
        customise_base "$tmp"
        discard_tree "$rootfs"
        mv "$tmp" "$rootfs"
        date -u +%FT%TZ >"$base/ready"
    fi
    flock -u 7
    exec 7>&-
}

# Mount points at or below a directory, deepest first.
mounts_under() {
    findmnt -rn -o TARGET | awk -v d="$1" 'index($0, d) == 1' | sort -r
}

# Removes a directory tree that may still have mounts below it (an interrupted debootstrap).
discard_tree() {
    local dir=$1 mnt
    [[ -e $dir ]] || return 0
    for mnt in $(mounts_under "$dir"); do umount -l "$mnt"; done
    rm -rf --one-file-system "$dir"
}

customise_base() {
    local r=$1
    # Each host gets its own machine-id and SSH host keys; the base has none.
    : >"$r/etc/machine-id"
    rm -f "$r"/etc/ssh/ssh_host_* "$r/var/lib/dbus/machine-id"
    # Apt timers would grab the dpkg lock in the middle of a provisioning run.
    systemctl --root="$r" mask apt-daily.timer apt-daily-upgrade.timer >/dev/null 2>&1
    systemctl --root="$r" enable systemd-networkd >/dev/null 2>&1
    # No DNS in the lab: every name the hosts need is in /etc/hosts.
    echo "# pgha lab: no DNS server; lab hosts and deb.debian.org are in /etc/hosts" >"$r/etc/resolv.conf"
    echo "LANG=C.UTF-8" >"$r/etc/default/locale"
    cat >"$r/etc/apt/sources.list" <<SOURCES
deb http://deb.debian.org/debian $LAB_RELEASE main
deb http://deb.debian.org/debian $LAB_RELEASE-updates main
deb http://deb.debian.org/debian-security $LAB_RELEASE-security main
SOURCES
    # A realistic admin account: key login, then sudo (pgha connects as it with become).
    chroot "$r" useradd --create-home --shell /bin/bash --groups sudo "$LAB_USER"
    chroot "$r" usermod --password '*' "$LAB_USER"
    echo "$LAB_USER ALL=(ALL) NOPASSWD:ALL" >"$r/etc/sudoers.d/$LAB_USER"
    chmod 0440 "$r/etc/sudoers.d/$LAB_USER"
    chroot "$r" apt-get clean
    rm -rf "$r"/var/lib/apt/lists/*
}

# ---------------------------------------------------------------------------------------------------------
# Network: a bridge per instance; forwarding only to the Debian mirror on 80/443

# The bridge's alias names the state directory of the instance that owns it, so an instance of the same
# LAB_NAME elsewhere (another LAB_STATE) is refused instead of sharing or removing it.
bridge_owner() {
    cat "/sys/class/net/$BRIDGE/ifalias" 2>/dev/null || true
}

# An alias-less bridge was made by an earlier version of these scripts for this instance: adopt it.
bridge_is_ours() {
    local owner
    owner=$(bridge_owner)
    [[ -z $owner || $owner == "pgha-lab $LAB_STATE" ]]
}

# Another instance with the same LAB_NAME (but another LAB_STATE) owns the bridge, veths and cgroups.
name_taken_elsewhere() {
    ip link show "$BRIDGE" >/dev/null 2>&1 && ! bridge_is_ours
}

setup_network() {
    if ip link show "$BRIDGE" >/dev/null 2>&1; then
        bridge_is_ours || die "bridge $BRIDGE belongs to another lab ('$(bridge_owner)'); pick another LAB_NAME"
        ip link set "$BRIDGE" alias "pgha-lab $LAB_STATE"
    else
        if ip -4 -o addr show | grep -q " $LAB_SUBNET\.[0-9]*/"; then
            die "subnet $LAB_SUBNET.0/24 is already used on this machine ($(ip -4 -o addr show | grep " $LAB_SUBNET\." | awk '{print $2}')); pick another LAB_SUBNET"
        fi
        ip link add "$BRIDGE" type bridge
        ip link set "$BRIDGE" alias "pgha-lab $LAB_STATE"
        ip addr add "$BRIDGE_IP/24" dev "$BRIDGE"
        ip link set "$BRIDGE" up
    fi
    sysctl -qw net.ipv4.ip_forward=1
    local mirrors mirror
    mirrors=$(mirror_addresses)
    [[ -n $mirrors ]] || die "deb.debian.org does not resolve on this machine; the lab hosts need it for apt"
    iptables -w -N "$FW_CHAIN" 2>/dev/null || iptables -w -F "$FW_CHAIN"
    iptables -w -A "$FW_CHAIN" -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
    for mirror in $mirrors; do
        iptables -w -A "$FW_CHAIN" -i "$BRIDGE" -d "$mirror" -p tcp -m multiport --dports 80,443 -j ACCEPT
    done
    iptables -w -A "$FW_CHAIN" -o "$BRIDGE" -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
    iptables -w -A "$FW_CHAIN" -i "$BRIDGE" -j DROP
    iptables -w -A "$FW_CHAIN" -o "$BRIDGE" -j DROP
    iptables -w -C FORWARD -m comment --comment "$FW_COMMENT" -j "$FW_CHAIN" 2>/dev/null ||
        iptables -w -I FORWARD 1 -m comment --comment "$FW_COMMENT" -j "$FW_CHAIN"
    delete_rules nat POSTROUTING
    for mirror in $mirrors; do
        iptables -w -t nat -A POSTROUTING -s "$LAB_SUBNET.0/24" -d "$mirror" -p tcp -m multiport --dports 80,443 \
            -m comment --comment "$FW_COMMENT" -j MASQUERADE
    done
}

# Deletes this instance's rules (found by their comment) from a chain, highest rule number first.
delete_rules() {
    local table=$1 chain=$2 num
    for num in $(iptables -w -t "$table" -L "$chain" -n --line-numbers 2>/dev/null |
        awk -v c="/* $FW_COMMENT */" 'index($0, c) {print $1}' | sort -rn); do
        iptables -w -t "$table" -D "$chain" "$num"
    done
}

teardown_network() {
    if ip link show "$BRIDGE" >/dev/null 2>&1 && ! bridge_is_ours; then
        say "leaving bridge $BRIDGE and its firewall rules: they belong to '$(bridge_owner)'"
        return 0
    fi
    if command -v iptables >/dev/null; then
        delete_rules filter FORWARD
        delete_rules nat POSTROUTING
        if iptables -w -S "$FW_CHAIN" >/dev/null 2>&1; then
            iptables -w -F "$FW_CHAIN"
            iptables -w -X "$FW_CHAIN"
        fi
    fi
    if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link del "$BRIDGE"; fi
}

# ---------------------------------------------------------------------------------------------------------
# Hosts: an overlay (own upper dir) over the shared base, booted by systemd-nspawn in its own cgroup

# An existing instance keeps the release and subnet it was created with (its overlays sit on that base,
# its known_hosts and inventory name those addresses); asking for different ones explicitly is an error.
load_instance() {
    local created
    if [[ -f $LAB_STATE/release ]]; then
        created=$(<"$LAB_STATE/release")
        [[ -z ${LAB_RELEASE_SET:-} || $created == "$LAB_RELEASE" ]] ||
            die "lab '$LAB_NAME' exists with Debian $created; run LAB_NAME=$LAB_NAME lab/down first to switch to $LAB_RELEASE"
        LAB_RELEASE=$created
    fi
    if [[ -f $LAB_STATE/subnet ]]; then
        created=$(<"$LAB_STATE/subnet")
        [[ -z ${LAB_SUBNET_SET:-} || $created == "$LAB_SUBNET" ]] ||
            die "lab '$LAB_NAME' exists on $created.0/24; run LAB_NAME=$LAB_NAME lab/down first to move it to $LAB_SUBNET.0/24"
        LAB_SUBNET=$created
        BRIDGE_IP="$LAB_SUBNET.1"
    fi
}

ensure_ssh_key() {
    mkdir -p "$LAB_STATE/ssh"
    chmod 0700 "$LAB_STATE/ssh"
    [[ -f $SSH_KEY ]] || ssh-keygen -q -t ed25519 -N '' -C "pgha-lab-$LAB_NAME" -f "$SSH_KEY"
}

# First creation of a host: its identity (name, machine-id, address, SSH host keys, the lab's login key)
# is written into its own overlay layer, never into the shared base.
create_host() {
    local name=$1 dir root i ip uid gid home mnt
    dir=$(host_dir "$name")
    [[ -f $dir/created ]] && return 0
    i=$(host_index "$name")
    ip=$(host_ip "$i")
    # Left by an interrupted creation: start this host afresh.
    for mnt in $(mounts_under "$dir/"); do umount -l "$mnt"; done
    rm -rf --one-file-system "$dir"
    mkdir -p "$dir/upper" "$dir/work" "$dir/root"
    root=$dir/root
    mount -t overlay overlay -o "lowerdir=$(base_dir)/rootfs,upperdir=$dir/upper,workdir=$dir/work" "$root"
    # shellcheck disable=SC2064
    trap "umount '$root' 2>/dev/null || true" EXIT
    echo "$name" >"$root/etc/hostname"
    od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$root/etc/machine-id"
    echo >>"$root/etc/machine-id"
    {
        echo "127.0.0.1 localhost"
        echo "::1 localhost ip6-localhost ip6-loopback"
        local j
        for j in "${!LAB_HOSTS[@]}"; do echo "$(host_ip "$j") ${LAB_HOSTS[$j]}"; done
        local mirror
        for mirror in $(mirror_addresses | head -n 1); do echo "$mirror deb.debian.org"; done
    } >"$root/etc/hosts"
    # A partition (veth down) must look like a cut cable, not make the host forget its own address.
    cat >"$root/etc/systemd/network/10-host0.network" <<NET
[Match]
Name=host0

[Link]
RequiredForOnline=yes

[Network]
Address=$ip/24
Gateway=$BRIDGE_IP
ConfigureWithoutCarrier=yes
IgnoreCarrierLoss=yes
LinkLocalAddressing=no
IPv6AcceptRA=no
NET
    ssh-keygen -q -A -f "$root" >/dev/null
    home=$(chroot "$root" getent passwd "$LAB_USER" | cut -d: -f6)
    uid=$(chroot "$root" id -u "$LAB_USER")
    gid=$(chroot "$root" id -g "$LAB_USER")
    install -d -m 0700 -o "$uid" -g "$gid" "$root$home/.ssh"
    install -m 0600 -o "$uid" -g "$gid" "$SSH_KEY.pub" "$root$home/.ssh/authorized_keys"
    umount "$root"
    trap - EXIT
    touch "$dir/created"
}

# known_hosts from the hosts' own public keys, keyed by the address pgha connects to.
write_known_hosts() {
    local i name pub tmp
    tmp=$KNOWN_HOSTS.tmp
    : >"$tmp"
    for i in "${!LAB_HOSTS[@]}"; do
        name=${LAB_HOSTS[$i]}
        for pub in "$(host_dir "$name")"/upper/etc/ssh/ssh_host_*_key.pub; do
            echo "$(host_ip "$i") $(cut -d' ' -f1,2 "$pub")" >>"$tmp"
        done
    done
    mv "$tmp" "$KNOWN_HOSTS"
}

# Starts the host's nspawn detached from the caller, in its own cgroup and its own mount namespace: the
# overlay and nspawn's runtime directory live only as long as the container, so a crash leaves no mount.
boot_host() {
    local name=$1 dir m veth cg
    [[ -z $(running_pid "$name") ]] || return 0
    dir=$(host_dir "$name")
    m=$(machine_of "$name")
    veth=$(veth_of "$name")
    if ip link show "$veth" >/dev/null 2>&1; then
        die "$veth exists but $name's nspawn is not running: its container was orphaned (nspawn killed from outside); LAB_NAME=$LAB_NAME lab/down removes it"
    fi
    for cg in $(cgroup_dirs "$name"); do
        remove_cgroup_tree "$cg"
        mkdir -p "$cg"
    done
    rm -f "$(pid_file "$name")"
    echo "=== boot $(date -u +%FT%TZ)" >>"$dir/console.log"
    local cgs
    read -ra cgs <<<"$(cgroup_dirs "$name")"
    setsid "$LAB_DIR/internal/run-host" "$(pid_file "$name")" "${cgs[@]}" \
        "$(base_dir)/rootfs" "$dir" "$m" "$name" "$BRIDGE" </dev/null >>"$dir/console.log" 2>&1 7>&- 8>&- &
    disown 2>/dev/null || true
}

# Waits until sshd answers with the expected host key and systemd reports "running".
wait_host_ready() {
    local name=$1 ip deadline state pid started=$SECONDS
    ip=$(host_ip "$(host_index "$name")")
    deadline=$((SECONDS + LAB_BOOT_TIMEOUT))
    until lab_ssh "$ip" true 2>/dev/null; do
        pid=$(running_pid "$name")
        if [[ -z $pid ]] && ((SECONDS - started > 3)); then
            tail -n 20 "$(host_dir "$name")/console.log" >&2
            die "$name: systemd-nspawn exited during boot (log: $(host_dir "$name")/console.log)"
        fi
        ((SECONDS < deadline)) || die "$name: no SSH answer at $ip within ${LAB_BOOT_TIMEOUT}s (log: $(host_dir "$name")/console.log)"
        sleep 0.3
    done
    state=$(lab_ssh "$ip" timeout $((deadline - SECONDS > 5 ? deadline - SECONDS : 5)) systemctl is-system-running --wait 2>/dev/null || true)
    # A fresh host must be clean. Later boots may carry units someone installed since (a drill restarting
    # a provisioned host): a failed one of those is reported, and is not the lab's failure.
    if [[ $state == degraded && -f $(host_dir "$name")/booted ]]; then
        say "$name is up but degraded; failed units: $(lab_ssh "$ip" systemctl --failed --no-legend --plain | awk '{printf "%s ", $1}')"
    elif [[ $state != running ]]; then
        lab_ssh "$ip" systemctl --failed --no-legend >&2 || true
        die "$name: systemd reports '${state:-no answer}' instead of running"
    fi
    touch "$(host_dir "$name")/booted"
}

# Clean poweroff: SIGTERM makes nspawn shut the container's systemd down.
poweroff_host() {
    local name=$1 pid
    pid=$(running_pid "$name")
    if [[ -n $pid ]]; then
        kill -TERM "$pid"
        wait_pid_gone "$pid" 60 || { say "$name did not power off within 60s; killing it"; crash_host "$name"; }
    fi
    release_host "$name"
}

# Hard crash: every process of the container killed at once through its cgroup (kill -9 of nspawn alone
# would orphan the container's systemd).
crash_host() {
    local name=$1 pid cg
    pid=$(running_pid "$name")
    cg=$(cgroup_dirs "$name" | cut -d' ' -f1)
    if [[ -f $cg/cgroup.kill ]]; then
        echo 1 >"$cg/cgroup.kill"
    elif [[ -n $pid ]]; then
        die "$name: no cgroup.kill (kernel older than 5.14?); cannot crash it atomically"
    fi
    [[ -z $pid ]] || wait_pid_gone "$pid" 30 || die "$name: nspawn $pid still alive after cgroup.kill"
    release_host "$name"
}

# Reconnects a host: cancels a scheduled heal, sets its veth up. False if the host has no veth (not running).
heal_host() {
    local name=$1 heal_pid_file veth
    heal_pid_file=$(host_dir "$name")/heal.pid
    veth=$(veth_of "$name")
    [[ ! -f $heal_pid_file ]] || kill_recorded "$heal_pid_file" internal/heal-after
    ip link show "$veth" >/dev/null 2>&1 || return 1
    ip link set "$veth" up
}

link_is_down() {
    local flags
    flags=$(ip -o link show "$(veth_of "$1")" 2>/dev/null | sed -n 's/^[^<]*<\([^>]*\)>.*/\1/p')
    [[ -n $flags && ,$flags, != *,UP,* ]]
}

# Whether any process (an orphaned container's systemd, say) is still in the host's cgroup.
host_populated() {
    local cg
    cg=$(cgroup_dirs "$1" | cut -d' ' -f1)
    grep -q '^populated 1' "$cg/cgroup.events" 2>/dev/null
}

# After the container is gone: its cgroups and PID file.
release_host() {
    local name=$1 cg t
    for cg in $(cgroup_dirs "$name"); do
        # The kernel empties a killed cgroup asynchronously; give it a moment.
        t=0
        until remove_cgroup_tree "$cg" 2>/dev/null; do
            ((t++ < 50)) || { remove_cgroup_tree "$cg"; return 1; }
            sleep 0.1
        done
    done
    rmdir "/sys/fs/cgroup/unified/$CG_PARENT" "/sys/fs/cgroup/systemd/$CG_PARENT" 2>/dev/null || true
    rm -f "$(pid_file "$name")"
}

# ---------------------------------------------------------------------------------------------------------
# What users and pgha need to drive an instance

postgresql_version() {
    case $LAB_RELEASE in
        trixie) echo 17 ;;
        bookworm) echo 15 ;;
    esac
}

# A fault command bound to this instance, so pgha can run "<it> crash pg2" without knowing LAB_NAME.
write_fault_wrapper() {
    cat >"$LAB_STATE/fault" <<WRAPPER
#!/bin/bash
# Generated by lab/up: drives lab instance "$LAB_NAME" (usage: $LAB_STATE/fault ACTION HOST [SECONDS]).
export LAB_NAME=$(printf %q "$LAB_NAME") LAB_SUBNET=$(printf %q "$LAB_SUBNET") LAB_STATE=$(printf %q "$LAB_STATE")
exec $(printf %q "$LAB_DIR/fault") "\$@"
WRAPPER
    chmod 0755 "$LAB_STATE/fault"
}

write_inventory() {
    local i tmp=$INVENTORY.tmp group
    {
        echo "# Generated by lab/up for lab instance \"$LAB_NAME\" (Debian $LAB_RELEASE, $LAB_SUBNET.0/24)."
        echo "# Rewritten by every lab/up; removed by lab/down."
        echo "all:"
        echo "  vars:"
        echo "    ansible_user: $LAB_USER"
        echo "    ansible_become: true"
        echo "    ansible_port: 22"
        echo "    ansible_ssh_private_key_file: $SSH_KEY"
        echo "    pgha_known_hosts: $KNOWN_HOSTS"
        echo "    pgha_fault_command: \"$LAB_STATE/fault {action} {host} {seconds}\""
        echo "    pgha_fault_command_actions: [crash, poweroff, start, partition, heal]"
        echo "    pgha_lab_name: $LAB_NAME"
        echo "    postgresql_source: distro"
        echo "    postgresql_version: \"$(postgresql_version)\""
        echo "    # pgha verify and the drills connect to every member from this machine, on the bridge address."
        echo "    postgresql_client_networks: [\"$BRIDGE_IP/32\"]"
        echo "  hosts:"
        for i in "${!LAB_HOSTS[@]}"; do
            echo "    ${LAB_HOSTS[$i]}:"
            echo "      ansible_host: $(host_ip "$i")"
        done
        echo "  children:"
        for group in etcd postgres; do
            echo "    $group:"
            echo "      hosts:"
            for i in "${!LAB_HOSTS[@]}"; do echo "        ${LAB_HOSTS[$i]}: {}"; done
        done
    } >"$tmp"
    mv "$tmp" "$INVENTORY"
    # The default instance is also reachable at the documented place, lab/inventory.yml.
    if [[ $LAB_NAME == pgha && $LAB_STATE == "$LAB_DIR/state/pgha" ]]; then
        ln -sfn state/pgha/inventory.yml "$LAB_DIR/inventory.yml"
    fi
}

# Whether any running lab container (of any instance) has this base as its overlay's lower layer. The
# overlays are mounted in the containers' private mount namespaces, so look there.
base_in_use() {
    local rootfs=$1 pid
    for pid in $(pgrep -x systemd-nspawn || true); do
        grep -qF "lowerdir=$rootfs," "/proc/$pid/mountinfo" 2>/dev/null && return 0
    done
    return 1
}

# Ends a process group this lab started and recorded (a scheduled heal), if it is still ours.
kill_recorded() {
    local file=$1 marker=$2 pid
    pid=$(<"$file")
    if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
        kill -TERM -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}
