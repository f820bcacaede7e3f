package io.pgha.transport;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LazyTransportFactoryTest {
    /** Counts what the lazy factory does with the real one; connections themselves are not its job. */
    private static final class CountingFactory implements TransportFactory {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public Transport open(ConnectionSpec spec) {
            opened.incrementAndGet();
            return null;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void neverCreatesTheClientWhenNothingConnects() {
        AtomicInteger created = new AtomicInteger();
        new LazyTransportFactory(() -> {
            created.incrementAndGet();
            return new CountingFactory();
        }).close();

        assertThat(created).hasValue(0);
    }

    @Test
    void parallelConnectionsShareOneClientWhichCloseCloses() throws Exception {
        AtomicInteger created = new AtomicInteger();
        CountingFactory real = new CountingFactory();
        LazyTransportFactory lazy = new LazyTransportFactory(() -> {
            created.incrementAndGet();
            return real;
        });
        int hosts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        try {
            List<Future<Transport>> opens = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                opens.add(pool.submit(() -> {
                    start.await();
                    return lazy.open(null);
                }));
            }
            start.countDown();
            for (Future<Transport> open : opens) {
                open.get();
            }
        } finally {
            pool.shutdownNow();
        }
        lazy.close();

        assertThat(created).hasValue(1);
        assertThat(real.opened).hasValue(hosts);
        assertThat(real.closed).hasValue(1);
    }
}
