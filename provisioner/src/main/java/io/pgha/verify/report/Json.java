package io.pgha.verify.report;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Pretty JSON of maps, lists and simple values (jackson-jr). */
public final class Json {
    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
            .without(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    public static String pretty(Object value) {
        try {
            return PRETTY.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
