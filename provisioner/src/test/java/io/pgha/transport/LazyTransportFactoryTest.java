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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aPreparedClientIsCreatedOnceAheadAndServesTheConnections() throws Exception {
        AtomicInteger created = new AtomicInteger();
        CountDownLatch creating = new CountDownLatch(1);
        CountingFactory real = new CountingFactory();
        LazyTransportFactory lazy = new LazyTransportFactory(() -> {
            created.incrementAndGet();
            creating.countDown();
            return real;
        });

        lazy.prepare();
        lazy.prepare();
        assertThat(creating.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("created before any connection").isTrue();
        lazy.open(null);
        lazy.open(null);
        lazy.close();

        assertThat(created).hasValue(1);
        assertThat(real.opened).hasValue(2);
        assertThat(real.closed).hasValue(1);
    }

    @Test
    void aPreparedClientThatNothingUsedIsClosed() {
        CountingFactory real = new CountingFactory();
        LazyTransportFactory lazy = new LazyTransportFactory(() -> real);

        lazy.prepare();
        lazy.close();

        assertThat(real.closed).hasValue(1);
        assertThat(real.opened).hasValue(0);
    }

    @Test
    void aClientThatCannotBeCreatedFailsTheConnectionsWithItsOwnError() {
        LazyTransportFactory lazy = new LazyTransportFactory(() -> {
            throw new IllegalStateException("cannot read the key file");
        });

        lazy.prepare();

        assertThatThrownBy(() -> lazy.open(null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the key file");
        lazy.close();
    }
}
