package io.pgha.vagrant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded Vagrant output kept under src/test/resources/io/pgha/vagrant. */
public final class Recorded {
    /** The folder of the Vagrantfile on the machine where the samples were recorded. */
    static final String RECORDED_DIR = "/work/wt/vagrant/vagrant";

    private Recorded() {
    }

    public static String text(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
