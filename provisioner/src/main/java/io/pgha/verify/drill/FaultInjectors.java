package io.pgha.verify.drill;

import io.pgha.transport.LazyTransportFactory;
import io.pgha.transport.TransportFactory;
import io.pgha.verify.cluster.ClusterSpec;

import java.util.function.Supplier;

/** Picks how faults are injected for an inventory: its fault command first, SSH for the rest. */
public final class FaultInjectors {
    private FaultInjectors() {
    }

    /** @param transports opened only when an SSH fault is really needed (a loopback cluster never needs one) */
    public static FaultInjector forCluster(ClusterSpec spec, Supplier<TransportFactory> transports) {
        FaultInjector ssh = new SshFaultInjector(new LazyTransportFactory(transports), spec.allowSysrqCrash());
        return spec.faultCommand()
                .<FaultInjector>map(cmd -> new CommandFaultInjector(cmd, spec.faultCommandActions(), ssh))
                .orElse(ssh);
    }
}
