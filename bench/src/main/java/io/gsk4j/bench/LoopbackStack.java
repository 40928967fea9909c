package io.gsk4j.bench;

/** One TLS implementation with both of its ends in this JVM, driven the same way as the other. */
interface LoopbackStack extends AutoCloseable {
    String name();

    /**
     * Sequential full handshakes for {@code nanos}: one client thread connects, handshakes,
     * forgets the session and closes; one server thread does the same for each accepted
     * connection. Returns completed client handshakes per second.
     */
    double handshakes(long nanos, Counts counts) throws Exception;

    /** One connection; {@code bytes} one way in {@code chunk}-byte writes and reads. Returns MB/s (10^6 bytes). */
    double bulk(long bytes, int chunk) throws Exception;

    @Override
    void close() throws Exception;
}
