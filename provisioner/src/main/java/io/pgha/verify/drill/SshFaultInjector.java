package io.pgha.verify.drill;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;
import io.pgha.transport.TransportFactory;
import io.pgha.verify.cluster.Member;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Faults over SSH on real servers: systemd for stop/kill/start, nftables for a partition that a systemd timer
 * removes by itself, and (only with {@code pgha_fault_allow_sysrq: true}) a kernel crash through sysrq.
 */
public final class SshFaultInjector implements FaultInjector {
    static final String NFT_TABLE = "pgha_drill";

    private final TransportFactory transports;
    private final boolean allowSysrqCrash;
    private final Map<String, Transport> open = new HashMap<>();

    public SshFaultInjector(TransportFactory transports, boolean allowSysrqCrash) {
        this.transports = transports;
        this.allowSysrqCrash = allowSysrqCrash;
    }

    @Override
    public boolean supports(FaultAction action) {
        return (action != FaultAction.CRASH && action != FaultAction.START) || allowSysrqCrash;
    }

    @Override
    public void inject(FaultAction action, Member member, List<Member> peers, Duration healAfter)
            throws FaultException {
        switch (action) {
            case STOP -> run(member, "systemctl stop patroni");
            // Every process of the unit's cgroup: Patroni and the PostgreSQL it started.
            case KILL -> run(member, "systemctl kill --signal=SIGKILL patroni");
            case START_SERVICE -> run(member, "systemctl start patroni");
            case PARTITION -> run(member, partitionScript(peers, healAfter));
            case HEAL -> run(member, "nft delete table inet " + NFT_TABLE + " 2>/dev/null; true");
            case CRASH -> {
                requireSysrq(member);
                // Detached with a short delay so this SSH command returns before the kernel goes down.
                run(member, "echo 1 > /proc/sys/kernel/sysrq && nohup sh -c 'sleep 1; echo b > /proc/sysrq-trigger'"
                        + " >/dev/null 2>&1 &");
                forget(member);
            }
            case START -> {
                requireSysrq(member);
                // After a sysrq reboot the server boots by itself: wait for SSH, then make sure the stack runs.
                run(member, "systemctl start etcd patroni haproxy");
            }
        }
    }

    @Override
    public void prepare(FaultAction action, Member member) throws FaultException {
        run(member, "true");
    }

    /** nftables drop rules for the peers' addresses, and first a timer that deletes them, whatever happens next. */
    static String partitionScript(List<Member> peers, Duration healAfter) {
        String v4 = peers.stream().map(Member::address).filter(a -> !a.contains(":")).distinct()
                .collect(Collectors.joining(", "));
        String v6 = peers.stream().map(Member::address).filter(a -> a.contains(":")).distinct()
                .collect(Collectors.joining(", "));
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        if (!v4.isEmpty()) {
            in.append(" ip saddr { ").append(v4).append(" } drop;");
            out.append(" ip daddr { ").append(v4).append(" } drop;");
        }
        if (!v6.isEmpty()) {
            in.append(" ip6 saddr { ").append(v6).append(" } drop;");
            out.append(" ip6 daddr { ").append(v6).append(" } drop;");
        }
        return "set -e; unit=pgha-drill-heal-$(date +%s); "
                + "systemd-run --quiet --unit=$unit --on-active=" + healAfter.toSeconds()
                + " /usr/sbin/nft delete table inet " + NFT_TABLE + "; "
                + "nft -f - <<'NFT'\n"
                + "table inet " + NFT_TABLE + " {\n"
                + "  chain input { type filter hook input priority -10; policy accept;" + in + " }\n"
                + "  chain output { type filter hook output priority -10; policy accept;" + out + " }\n"
                + "}\nNFT\n";
    }

    private void requireSysrq(Member member) throws FaultException {
        if (!allowSysrqCrash) {
            throw new FaultException("crash-leader over SSH on " + member.name() + " reboots the kernel through sysrq;"
                    + " set pgha_fault_allow_sysrq: true in the inventory to allow it, or set pgha_fault_command"
                    + " to a command that crashes and starts the host (a hypervisor, IPMI, the lab)");
        }
    }

    private void run(Member member, String script) throws FaultException {
        try {
            ExecResult r = transport(member).exec(RemoteCommand.asRoot(script).withTimeout(Duration.ofMinutes(2)));
            if (!r.ok()) {
                throw new FaultException(member.name() + ": `" + firstLine(script) + "` exited " + r.exitCode() + ": "
                        + r.errorText());
            }
        } catch (TransportException e) {
            forget(member);
            throw new FaultException(member.name() + ": `" + firstLine(script) + "` failed: " + e.getMessage(), e);
        }
    }

    private Transport transport(Member member) throws TransportException {
        Transport t = open.get(member.name());
        if (t == null) {
            t = transports.open(member.connection());
            open.put(member.name(), t);
        }
        return t;
    }

    private void forget(Member member) {
        Transport t = open.remove(member.name());
        if (t != null) {
            t.close();
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    @Override
    public void close() {
        open.values().forEach(Transport::close);
        open.clear();
        transports.close();
    }
}
