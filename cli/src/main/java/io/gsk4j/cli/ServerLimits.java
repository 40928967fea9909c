package io.gsk4j.cli;

/**
 * What bounds {@code gsk4j server}: how many threads take completions, how many connections
 * may be open at once, and how long one receive or send may wait (whole seconds, as the
 * completion port's operationWaitTime takes them; 0 = no limit).
 */
record ServerLimits(int threads, int connectionLimit, int readTimeoutSeconds, int writeTimeoutSeconds) {
    static final int DEFAULT_THREADS = 2;
    static final int DEFAULT_CONNECTION_LIMIT = 256;
    static final int DEFAULT_WRITE_TIMEOUT_SECONDS = 30;

    /** GSK_IBMI_READ_TIMEOUT's milliseconds as whole seconds, rounded up so a short timeout is never none. */
    static int secondsOf(int millis) {
        return millis <= 0 ? 0 : (int) ((millis + 999L) / 1000);
    }
}
