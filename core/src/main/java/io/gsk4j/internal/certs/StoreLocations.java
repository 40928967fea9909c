package io.gsk4j.internal.certs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the IBM i names resolve on this machine: the *SYSTEM store and its stash, the
 * application-definition registry and the tree that stands in for /QIBM/UserData/ICSS.
 */
public final class StoreLocations {
    static final String HOME_PROPERTY = "gsk4j.home";
    static final String HOME_VARIABLE = "GSK4J_HOME";

    private final Path home;

    private StoreLocations(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /**
     * The system property {@code gsk4j.home} when set, else the environment variable
     * {@code GSK4J_HOME}, else {@code ${user.home}/.gsk4j}. The property wins so a JVM
     * (or a test) can isolate itself from the user's environment.
     */
    public static StoreLocations defaults() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(HOME_VARIABLE);
        }
        if (configured == null || configured.isBlank()) {
            return new StoreLocations(Path.of(System.getProperty("user.home"), ".gsk4j"));
        }
        return new StoreLocations(Path.of(configured));
    }

    public static StoreLocations under(Path home) {
        return new StoreLocations(Objects.requireNonNull(home, "home"));
    }

    public Path home() {
        return home;
    }

    public Path systemStore() {
        return home.resolve("system.p12");
    }

    public Path systemStash() {
        return home.resolve("system.sth");
    }

    public Path applicationDefinitions() {
        return home.resolve("appdefs.properties");
    }

    public Path icssRoot() {
        return home.resolve("ICSS");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreLocations that && home.equals(that.home);
    }

    @Override
    public int hashCode() {
        return home.hashCode();
    }

    @Override
    public String toString() {
        return "StoreLocations[" + home + "]";
    }
}
