package io.gsk4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the IBM i names resolve on this machine: the *SYSTEM store and its stash, the
 * application-definition registry and the tree that stands in for /QIBM/UserData/ICSS.
 */
public final class StoreLocations {
    /** The system property that names gsk4j's home directory; it wins over {@link #HOME_VARIABLE}. */
    public static final String HOME_PROPERTY = "gsk4j.home";
    /** The environment variable that names gsk4j's home directory. */
    public static final String HOME_VARIABLE = "GSK4J_HOME";

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

    /** All locations under {@code home} (an application's or a test's own tree). */
    public static StoreLocations under(Path home) {
        return new StoreLocations(Objects.requireNonNull(home, "home"));
    }

    /** The directory everything else is under. */
    public Path home() {
        return home;
    }

    /** The *SYSTEM certificate store (the key ring named *SYSTEM, and the one application IDs use). */
    public Path systemStore() {
        return home.resolve("system.p12");
    }

    /** The stash file holding the *SYSTEM store's password. */
    public Path systemStash() {
        return home.resolve("system.sth");
    }

    /** The registry of application definitions (application ID to certificate label and settings). */
    public Path applicationDefinitions() {
        return home.resolve("appdefs.properties");
    }

    /** The tree that stands in for /QIBM/UserData/ICSS, under which IBM i store paths resolve. */
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
