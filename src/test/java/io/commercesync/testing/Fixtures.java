package io.commercesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Payloads written by others, under src/test/resources/fixtures/ (see SOURCES.md there). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
