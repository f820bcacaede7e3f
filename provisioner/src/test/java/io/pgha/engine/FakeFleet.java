package io.pgha.engine;

import io.pgha.transport.ConnectionSpec;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens {@link FakeHost}s by inventory name; some hosts can be made unreachable. */
public final class FakeFleet implements TransportFactory {
    public final Map<String, FakeHost> hosts = new LinkedHashMap<>();
    public final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    public final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /** Hosts whose connection attempt never ends by itself (a dropped SYN): only an interrupt stops it. */
    public final Set<String> hanging = ConcurrentHashMap.newKeySet();
    /** Appended to unreachable reasons, to check what pgha does with whatever a transport says. */
    public volatile String reasonDetail = "";

    public FakeFleet(String... names) {
        for (String name : names) {
            hosts.put(name, new FakeHost(name));
        }
    }

    public FakeHost host(String name) {
        return hosts.get(name);
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        opens.computeIfAbsent(spec.hostName(), k -> new AtomicInteger()).incrementAndGet();
        if (hanging.contains(spec.hostName())) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreachableException("connect to " + spec.address() + ": interrupted");
            }
        }
        if (unreachable.contains(spec.hostName())) {
            throw new UnreachableException("connect to " + spec.address() + ":" + spec.port() + ": connection refused" + reasonDetail);
        }
        return hosts.get(spec.hostName());
    }

    public void forgetCommands() {
        hosts.values().forEach(FakeHost::forgetCommands);
    }

    @Override
    public void close() {
    }
}
