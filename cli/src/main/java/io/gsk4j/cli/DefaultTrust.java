package io.gsk4j.cli;

import io.gsk4j.internal.certs.StoreLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code gsk4j client} trusts when no store is named: GSKit's *SYSTEM store when the gsk4j
 * home has one, else the CA certificates every Java program trusts (the JDK's cacerts), else the
 * operating system's bundle. A diagnosis tool must work on a fresh machine; telling a new user
 * to create an empty store first would not help them.
 */
final class DefaultTrust {
    /** The JDK's documented default password of cacerts; it protects nothing (the entries are public). */
    private static final String CACERTS_PASSWORD = "changeit";
    static final Path OS_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    /** A store chosen in place of *SYSTEM: the file, its password (null for PEM) and where it comes from. */
    record Choice(Path file, String password, String source, String description) {
    }

    private DefaultTrust() {
    }

    /** The fallback, or empty when *SYSTEM exists (GSKit's default then applies) or nothing is found. */
    static Optional<Choice> choose(StoreLocations home, Path javaHome, Path osBundle) {
        if (Files.isRegularFile(home.systemStore())) {
            return Optional.empty();
        }
        Path cacerts = javaHome.resolve("lib").resolve("security").resolve("cacerts");
        if (Files.isReadable(cacerts)) {
            return Optional.of(new Choice(cacerts, CACERTS_PASSWORD, "jdk-cacerts", "the JDK's CA store"));
        }
        if (Files.isReadable(osBundle)) {
            return Optional.of(new Choice(osBundle, null, "os-bundle", "the operating system's CA bundle"));
        }
        return Optional.empty();
    }

    static Optional<Choice> choose() {
        return choose(StoreLocations.defaults(), Path.of(System.getProperty("java.home")), OS_BUNDLE);
    }
}
