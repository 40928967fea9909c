package io.gsk4j.boringssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gsk4j.Environment;
import io.gsk4j.Session;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gsk_secure_soc_misc(GSK_RESET_SESSION) makes the next handshake with that peer a full one, on
 * either side and on both engines: on BoringSSL that means the client's cached TLS 1.3 tickets
 * and the server's stateless tickets too, not just the session the handshake made.
 */
class ResetSessionTest {
    private static final int ROUNDS = 3;
    /** docs/CONFORMANCE.md, "Engines": a gap of the SunJSSE engine, not BoringSSL's. */
    static final String JSSE_SERVER = "a SunJSSE server issues stateless tickets and has no way to make one unreadable:"
            + " its GSK_RESET_SESSION does not stop the client resuming with a ticket it already holds";

    @TempDir
    Path dir;

    enum Reset { NONE, CLIENT, SERVER }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (EnumValue engine : List.of(EnumValue.GSK4J_TLS_ENGINE_JSSE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL)) {
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                for (Reset reset : Reset.values()) {
                    all.add(Arguments.of(engine, protocol, reset));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} reset by {2}")
    @MethodSource("cases")
    void aResetSessionIsNeverResumed(EnumValue engine, String protocol, Reset reset) throws Exception {
        Assumptions.assumeFalse(engine == EnumValue.GSK4J_TLS_ENGINE_JSSE && reset == Reset.SERVER, JSSE_SERVER);
        Ca ca = TestPki.rootCa("Reset CA", KeyType.EC_P256);
        Credential serverKey = ca.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
        Environment serverEnv = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", serverKey, ca.certificate()));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, ca.certificate()));
        List<EnumValue> seen = new ArrayList<>();
        try (serverEnv; clientEnv) {
            for (Environment env : List.of(serverEnv, clientEnv)) {
                env.set(EnumAttribute.GSK4J_TLS_ENGINE, engine);
                if (protocol.equals("TLSv1.2")) {
                    env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
                }
                env.init();
                io.gsk4j.TlsEngine running = env.engine();
                assertFalse(running.fellBack(), () -> "fell back: " + running.fallbackReason());
            }
            try (ServerSocketChannel listener = Loopback.listen()) {
                for (int i = 0; i < ROUNDS; i++) {
                    seen.add(connect(serverEnv, clientEnv, listener, reset));
                }
            }
        }
        EnumValue later = reset == Reset.NONE ? EnumValue.GSK_SID_NOT_FIRST : EnumValue.GSK_SID_IS_FIRST;
        assertEquals(List.of(EnumValue.GSK_SID_IS_FIRST, later, later), seen);
    }

    /** One connection: the server writes first (a TLS 1.3 ticket travels with it), then the chosen side resets. */
    private static EnumValue connect(Environment serverEnv, Environment clientEnv, ServerSocketChannel listener,
            Reset reset) throws Exception {
        try (SocketChannel c = SocketChannel.open(listener.getLocalAddress()); SocketChannel sc = listener.accept()) {
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            try {
                server.attach(sc);
                client.attach(c);
                JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                    server.handshake();
                    server.write(ByteBuffer.wrap(new byte[] {1}));
                    ByteBuffer echo = ByteBuffer.allocate(1);
                    while (echo.hasRemaining() && server.read(echo) >= 0) {
                        // until the client's byte: every ticket the server sends has reached the client
                    }
                    if (reset == Reset.SERVER) {
                        server.misc(MiscId.GSK_RESET_SESSION);
                    }
                    return null;
                });
                client.handshake();
                ByteBuffer one = ByteBuffer.allocate(1);
                while (one.hasRemaining() && client.read(one) >= 0) {
                    // the server's byte, with its tickets before it
                }
                client.write(ByteBuffer.wrap(new byte[] {2}));
                serverSide.result();
                if (reset == Reset.CLIENT) {
                    client.misc(MiscId.GSK_RESET_SESSION);
                }
                return client.getEnum(EnumAttribute.GSK_SID_FIRST);
            } finally {
                client.close();
                server.close();
            }
        }
    }
}
