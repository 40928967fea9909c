package io.gsk4j.support;

/**
 * Names of JVM-wide state that test classes share, for {@code @ResourceLock}: test classes run
 * concurrently (the surefire configuration in the parent pom.xml), except where they lock the same
 * name. A class that changes state no lock names (system properties such as gsk4j.home, a
 * test seam such as {@code Buffers.replaceForTest}, security providers, the default locale) is
 * marked {@code @Isolated} and runs alone.
 */
public final class SharedState {
    /**
     * The completion-port table (at most 256 ports per JVM) and the I/O threads that serve it:
     * tests that open ports count them and check that none are left.
     */
    public static final String COMPLETION_PORTS = "gsk4j.completion-ports";

    private SharedState() {
    }
}
