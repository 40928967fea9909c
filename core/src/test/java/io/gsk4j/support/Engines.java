package io.gsk4j.support;

import org.junit.jupiter.api.Assumptions;

/**
 * The TLS engine the suite runs on: SunJSSE in core, BoringSSL when the gsk4j-boringssl module
 * runs the same tests with {@code -Dgsk4j.engine=boringssl}. A test of something an engine
 * cannot produce skips itself there, with the reason docs/CONFORMANCE.md gives.
 */
public final class Engines {
    // what the BoringSSL engine cannot do; docs/CONFORMANCE.md ("Engines") names each
    public static final String TLS13_SUITES = "BoringSSL offers its three TLS 1.3 suites in its own order:"
            + " GSK_TLSV13_CIPHER_SPECS(_EX) can neither narrow nor order them";
    public static final String HALF_CLOSE = "netty's OpenSSL engine closes both directions on the peer's close_notify,"
            + " TLS 1.3 included: no writing after the peer's close_notify";
    public static final String SIGALG_OFFER = "netty's engine takes no signature-scheme list: GSK_SSL_EXTN_SIGALG"
            + " does not narrow what the handshake offers (certificates are still held to it)";
    public static final String ED25519 = "netty chooses no Ed25519 key and BoringSSL does not offer Ed25519 by default";
    public static final String RESET_CIPHER = "netty's engine neither renegotiates nor sends KeyUpdate: no GSK_RESET_CIPHER";
    public static final String TICKET_ON_WRITE = "a BoringSSL server sends its TLS 1.3 session ticket with its first write;"
            + " a client that waits for the ticket before it sends (gnutls-cli --waitresumption) waits for the server";

    public static final String NO_CERTIFICATE_ALERT = "a BoringSSL server answers a TLS 1.2 client that sends no certificate"
            + " with handshake_failure, SunJSSE with bad_certificate";
    public static final String NO_ALERT_FOR_PLAINTEXT = "BoringSSL sends no alert to a peer that does not speak TLS";

    public static final String OVERLONG_RECORD = "netty refuses an over-long record itself, with an untyped SSLException"
            + " (gsk4j reads no words outside the JDK's table): GSK_ERROR_BAD_PEER, not GSK_ERROR_BAD_MESSAGE";

    private Engines() {
    }

    /** Skips the calling test on BoringSSL for a cipher suite it does not implement (CBC with SHA-384, DHE, …). */
    public static void assumeSuiteImplemented(String jdkName) {
        Assumptions.assumeTrue(!boringSsl() || io.netty.handler.ssl.OpenSsl.availableJavaCipherSuites().contains(jdkName),
                () -> "not on the BoringSSL engine: it does not implement " + jdkName);
    }

    public static boolean boringSsl() {
        return "boringssl".equalsIgnoreCase(System.getProperty("gsk4j.engine", "").trim());
    }

    /** Skips the calling test on BoringSSL; {@code why} names the engine's limit (null: the case runs everywhere). */
    public static void assumeNotBoringSsl(String why) {
        Assumptions.assumeFalse(why != null && boringSsl(), () -> "not on the BoringSSL engine: " + why);
    }
}
