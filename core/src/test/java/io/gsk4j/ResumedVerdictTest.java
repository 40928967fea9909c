package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed session reports the validation codes its full handshake recorded, without its
 * peer's chain being judged again (issue 16): TLS 1.2 and 1.3, a client judging its server and
 * a server judging its client. A session that judges differently is judged again.
 */
class ResumedVerdictTest {
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(30));

    @TempDir
    Path dir;

    /**
     * What one connection left on the judging side; {@code failure}: the status its handshake
     * failed with, else 0 (then {@code sidFirst} is the other side's: a failed session has none).
     */
    private record Seen(EnumValue sidFirst, int certificateValidationCode, int lastValidationError, int failure) {
        Seen(EnumValue sidFirst, int certificateValidationCode, int lastValidationError) {
            this(sidFirst, certificateValidationCode, lastValidationError, 0);
        }
    }

    /** The side whose peer is judged: the client (judging the server) or the server (judging the client). */
    private enum Judge { CLIENT, SERVER }

    private static final class Pair {
        final Environment serverEnv;
        final Environment clientEnv;

        Pair(Environment serverEnv, Environment clientEnv) {
            this.serverEnv = serverEnv;
            this.clientEnv = clientEnv;
        }
    }

    /**
     * Environments where the judged side's peer presents {@code judged} (issued by a CA both trust)
     * and the judging side authenticates its peer as {@code passthru} says.
     */
    private Pair environments(Ca ca, Credential judged, Judge judge, String protocol, boolean passthru) throws Exception {
        Credential other = judge == Judge.CLIENT ? ca.issueClient("client", KeyType.EC_P256)
                : ca.issueServer("server", KeyType.EC_P256, "localhost");
        Credential serverKey = judge == Judge.CLIENT ? judged : other;
        Credential clientKey = judge == Judge.CLIENT ? other : judged;
        Path serverStore = Stores.pkcs12(dir, "server", serverKey, ca.certificate());
        Path clientStore = Stores.pkcs12(dir, "client", clientKey, ca.certificate());
        Environment serverEnv = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH, serverStore);
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        if (protocol.equals("TLSv1.2")) {
            clientEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        }
        if (passthru) {
            serverEnv.set(EnumAttribute.GSK_CLIENT_AUTH_TYPE, EnumValue.GSK_CLIENT_AUTH_PASSTHRU);
            clientEnv.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
        }
        serverEnv.init();
        clientEnv.init();
        return new Pair(serverEnv, clientEnv);
    }

    /** One connection on the listener (the same port each time, so the client may resume); the judging side's codes. */
    private static Seen connect(ServerSocketChannel listener, Pair envs, Judge judge, String protocol,
            Consumer<Session> judgingSettings) throws Exception {
        Consumer<Session> clientSettings = judgingSettings;
        Consumer<Session> serverSettings = judgingSettings;
        try (SocketChannel c = SocketChannel.open(listener.getLocalAddress()); SocketChannel sc = listener.accept()) {
            Session server = envs.serverEnv.openSession();
            Session client = envs.clientEnv.openSession();
            try {
                Session judging = judge == Judge.CLIENT ? client : server;
                (judge == Judge.CLIENT ? clientSettings : serverSettings).accept(judging);
                server.attach(sc);
                client.attach(c);
                JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                    server.handshake();
                    // TLS 1.3 tickets travel after the handshake: give the client something to read
                    server.write(ByteBuffer.wrap(new byte[] {1}));
                    return null;
                });
                try {
                    client.handshake();
                    serverSide.result();
                    assertEquals(1, SessionLifecycleTest.readFully(client, 1).length);
                } catch (Exception e) {
                    GskException refused = judging.failure().orElseThrow(() -> e);
                    if (judge == Judge.CLIENT) {
                        serverSide.result(); // the server (not judging) finishes its side of the handshake
                    }
                    // a failed session has no GSK_SID_FIRST: the other side, secure, tells whether it resumed
                    Session other = judging == client ? server : client;
                    return new Seen(other.getEnum(EnumAttribute.GSK_SID_FIRST), judging.validationCode(),
                            judging.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR), refused.code());
                }
                assertEquals(protocol, client.protocol().orElseThrow().jdkName());
                return new Seen(judging.getEnum(EnumAttribute.GSK_SID_FIRST), judging.validationCode(),
                        judging.getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
            } finally {
                client.close();
                server.close();
            }
        }
    }

    private static Credential issue(Ca ca, Judge judge, Instant notAfter) {
        return judge == Judge.CLIENT
                ? ca.issue("server", KeyType.EC_P256, LONG_AGO, notAfter, true, false, "localhost")
                : ca.issue("client", KeyType.EC_P256, LONG_AGO, notAfter, false, true);
    }

    /**
     * The judged certificate expires between the full handshake and its resumption: judging
     * the chain again would report it expired (107); the resumed session reports the 0 its
     * full handshake recorded.
     */
    @ParameterizedTest
    @CsvSource({"TLSv1.2, CLIENT", "TLSv1.3, CLIENT", "TLSv1.2, SERVER", "TLSv1.3, SERVER"})
    void aResumedSessionReportsItsFirstVerdictWithoutJudgingAgain(String protocol, Judge judge) throws Exception {
        Ca ca = TestPki.rootCa("Resumption CA", KeyType.EC_P256);
        // certificates carry whole seconds: the judged one is good for two more
        Instant notAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        Pair envs = environments(ca, issue(ca, judge, notAfter), judge, protocol, false);
        try (ServerSocketChannel listener = Loopback.listen()) {
            Seen full = connect(listener, envs, judge, protocol, s -> { });
            assertEquals(new Seen(EnumValue.GSK_SID_IS_FIRST, 0, 0), full);
            // polled with a deadline: the judged certificate is now outside its validity period
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Instant.now().isAfter(notAfter.plusSeconds(1)) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polling the clock
            }
            assertTrue(Instant.now().isAfter(notAfter.plusSeconds(1)), "the certificate did not expire in time");
            Seen resumed = connect(listener, envs, judge, protocol, s -> { });
            assertEquals(new Seen(EnumValue.GSK_SID_NOT_FIRST, 0, 0), resumed, "what the full handshake recorded");
        } finally {
            envs.clientEnv.close();
            envs.serverEnv.close();
        }
    }

    /** A chain PASSTHRU let through expired (107) reads 107 again when its session resumes. */
    @ParameterizedTest
    @CsvSource({"TLSv1.2, CLIENT", "TLSv1.3, CLIENT", "TLSv1.2, SERVER", "TLSv1.3, SERVER"})
    void aPassthruFailureIsStillReportedWhenResumed(String protocol, Judge judge) throws Exception {
        Ca ca = TestPki.rootCa("Resumption CA", KeyType.EC_P256);
        Pair envs = environments(ca, issue(ca, judge, Instant.now().minus(Duration.ofDays(1))), judge, protocol, true);
        int expired = GskStatus.GSK_KEYFILE_CERT_EXPIRED.code();
        try (ServerSocketChannel listener = Loopback.listen()) {
            assertEquals(new Seen(EnumValue.GSK_SID_IS_FIRST, expired, expired), connect(listener, envs, judge, protocol, s -> { }));
            assertEquals(new Seen(EnumValue.GSK_SID_NOT_FIRST, expired, expired), connect(listener, envs, judge, protocol, s -> { }));
        } finally {
            envs.clientEnv.close();
            envs.serverEnv.close();
        }
    }

    /**
     * PASSTHRU let an expired chain through and the session was cached; a session of the same
     * environment that authenticates fully resumes it, and its handshake fails as a full one
     * would (107): resuming never lets a peer past the resuming session's own judgement.
     */
    @ParameterizedTest
    @CsvSource({"TLSv1.2, CLIENT", "TLSv1.3, CLIENT", "TLSv1.2, SERVER", "TLSv1.3, SERVER"})
    void aFullyAuthenticatingSessionDoesNotResumeItsWayPastItsOwnJudgement(String protocol, Judge judge) throws Exception {
        Ca ca = TestPki.rootCa("Resumption CA", KeyType.EC_P256);
        Pair envs = environments(ca, issue(ca, judge, Instant.now().minus(Duration.ofDays(1))), judge, protocol, true);
        int expired = GskStatus.GSK_KEYFILE_CERT_EXPIRED.code();
        try (ServerSocketChannel listener = Loopback.listen()) {
            assertEquals(new Seen(EnumValue.GSK_SID_IS_FIRST, expired, expired), connect(listener, envs, judge, protocol, s -> { }));
            Seen full = connect(listener, envs, judge, protocol, s -> {
                try {
                    if (judge == Judge.CLIENT) {
                        s.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_FULL);
                    } else {
                        s.set(EnumAttribute.GSK_CLIENT_AUTH_TYPE, EnumValue.GSK_CLIENT_AUTH_FULL);
                    }
                } catch (GskException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(new Seen(EnumValue.GSK_SID_NOT_FIRST, expired, expired, expired), full);
        } finally {
            envs.clientEnv.close();
            envs.serverEnv.close();
        }
    }

    /**
     * A session that resumes another's session but judges differently (here: it expects a host
     * name the certificate does not carry) gets its own verdict, not the first session's 0.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aSessionThatJudgesDifferentlyIsJudgedAgain(String protocol) throws Exception {
        Ca ca = TestPki.rootCa("Resumption CA", KeyType.EC_P256);
        Pair envs = environments(ca, ca.issueServer("server", KeyType.EC_P256, "localhost"), Judge.CLIENT, protocol, true);
        try (ServerSocketChannel listener = Loopback.listen()) {
            assertEquals(new Seen(EnumValue.GSK_SID_IS_FIRST, 0, 0), connect(listener, envs, Judge.CLIENT, protocol, s -> { }));
            Seen other = connect(listener, envs, Judge.CLIENT, protocol, s -> {
                try {
                    s.set(BufferAttribute.GSK4J_EXPECTED_HOSTNAME, "elsewhere.example");
                } catch (GskException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(EnumValue.GSK_SID_NOT_FIRST, other.sidFirst());
            assertEquals(ValidationReason.HOSTNAME_MISMATCH.code(), other.lastValidationError(), other::toString);
            assertEquals(other.certificateValidationCode(), other.failure(), "PASSTHRU does not let a host name mismatch by");
            // and a session that judges as the first did is let in (over TLS 1.3 by a full handshake:
            // a client spends each ticket once, and the refused session spent the one it had)
            Seen again = connect(listener, envs, Judge.CLIENT, protocol, s -> { });
            assertEquals(List.of(0, 0, 0), List.of(again.certificateValidationCode(), again.lastValidationError(), again.failure()),
                    again::toString);
        } finally {
            envs.clientEnv.close();
            envs.serverEnv.close();
        }
    }
}
