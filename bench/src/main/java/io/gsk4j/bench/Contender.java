package io.gsk4j.bench;

/** One TLS stack with both of its ends on this machine, driven the same way as the others. */
interface Contender {
    /** "gsk4j", "jsse" or "openssl": the column it fills. */
    String stack();

    /** For gsk4j, the engine it runs on; null for the others. */
    default String engine() {
        return null;
    }

    /** Why this stack cannot run this scenario, or null when it can. */
    String unsupported(Scenario scenario);

    /** One round of {@code scenario}, lasting about {@code nanos} where it is timed. */
    Sample run(Scenario scenario, long nanos, Budget budget) throws Exception;

    /** The sizes that are not a duration; {@code heapReadings}: full collections per heap reading. */
    record Budget(long bulkBytes, int sessions, int heapReadings) {
    }
}
