package io.pgha.transport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects one output stream (stdout or stderr) of a {@link CommandShell} and cuts it at the markers the
 * shell prints after each command. Writes come from MINA's I/O threads; every method holds {@code lock} and
 * writes wake whoever waits on it.
 */
final class MarkerBuffer extends OutputStream {
    /** What came before a marker, and the rest of the marker's line (without the newline). */
    record Cut(byte[] before, String rest) {
    }

    private final Object lock;
    private byte[] bytes = new byte[8192];
    private int length;
    /** Everything before this index was searched already and holds no marker start. */
    private int searched;

    MarkerBuffer(Object lock) {
        this.lock = lock;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int count) {
        synchronized (lock) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(data, offset, bytes, length, count);
            length += count;
            lock.notifyAll();
        }
    }

    /**
     * If {@code marker} and the end of its line have arrived, removes everything up to and including that
     * line and returns it cut in two; otherwise returns null and remembers how far it searched.
     */
    Cut take(String marker) {
        byte[] wanted = marker.getBytes(StandardCharsets.US_ASCII);
        synchronized (lock) {
            int at = indexOf(wanted, searched);
            if (at < 0) {
                searched = Math.max(searched, length - wanted.length + 1);
                return null;
            }
            searched = at;
            int newline = indexOf(new byte[] {'\n'}, at + wanted.length);
            if (newline < 0) {
                return null;
            }
            Cut cut = new Cut(Arrays.copyOf(bytes, at),
                    new String(bytes, at + wanted.length, newline - at - wanted.length, StandardCharsets.US_ASCII));
            drop(newline + 1);
            return cut;
        }
    }

    /** Forgets what has arrived so far (output of a command's leftover background processes). */
    void clear() {
        synchronized (lock) {
            drop(length);
        }
    }

    private void drop(int count) {
        System.arraycopy(bytes, count, bytes, 0, length - count);
        length -= count;
        searched = 0;
    }

    private int indexOf(byte[] wanted, int from) {
        outer:
        for (int i = Math.max(0, from); i <= length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
