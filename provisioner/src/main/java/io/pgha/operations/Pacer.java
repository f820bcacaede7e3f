package io.pgha.operations;

import java.time.Duration;

/** Time for polling loops; tests pass a fake one so waiting costs no wall-clock time. */
interface Pacer {
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };
}
