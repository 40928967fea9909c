package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.gsk4j.Environment;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol switches against the platform's policy, as QSSLPCL works on IBM i: the switch is
 * recorded, the handshake offers only what the platform allows, and nothing is downgraded.
 * These tests need a JDK that disables TLS 1.0 and 1.1 (every JDK 17 update since 11.0.11).
 */
class ProtocolPolicyTest {
    @TempDir
    Path dir;

    private static void assumeOldProtocolsDisabled() {
        assumeFalse(TlsProtocol.enabledInThisRuntime().contains(TlsProtocol.TLSV10)
                || TlsProtocol.enabledInThisRuntime().contains(TlsProtocol.TLSV11),
                "this JDK allows TLS 1.0/1.1: nothing to prove about disabled protocols");
    }

    @Test
    void onlyDisabledProtocolsSwitchedOnIsNoCiphersAndNothingIsSent() throws Exception {
        assumeOldProtocolsDisabled();
        GskHandle env = CompatFixture.openEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION);
        ok(gsk_attribute_set_enum(env, 407, 518)); // GSK_PROTOCOL_TLSV1, GSK_PROTOCOL_TLSV1_ON
        ok(gsk_attribute_set_enum(env, 436, 1)); // GSK_PROTOCOL_TLSV10, GSK_TRUE
        ok(gsk_attribute_set_enum(env, 437, 1)); // GSK_PROTOCOL_TLSV11, GSK_TRUE
        ok(gsk_attribute_set_enum(env, 438, 0)); // GSK_PROTOCOL_TLSV12, GSK_FALSE
        ok(gsk_attribute_set_enum(env, 4030, 0)); // GSK_PROTOCOL_TLSV13, GSK_FALSE
        ok(gsk_environment_init(env));
        try (Loopback pair = Loopback.open()) {
            GskHandle session = CompatFixture.openSession(env);
            IntRef value = new IntRef();
            ok(gsk_attribute_get_enum(session, 437, value));
            assertEquals(GSK_TRUE, value.value, "the session reads back what was set");
            ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(pair.client)));
            expect(GSK_ERROR_NO_CIPHERS, gsk_secure_soc_init(session));
            ok(gsk_secure_soc_close(session));
            // never a downgrade: not one byte of a hello reached the peer
            pair.server.configureBlocking(false);
            assertEquals(0, pair.server.read(ByteBuffer.allocate(64)));
        }
        ok(gsk_environment_close(env));
    }

    @Test
    void curlsSwitchesSucceedAndTheHandshakeUsesWhatThePlatformAllows() throws Exception {
        assumeOldProtocolsDisabled();
        GskHandle env = CompatFixture.openEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION);
        ok(gsk_environment_init(env));
        GskHandle session = CompatFixture.openSession(env);
        // curl 8.2.1 sets these on every connection and aborts on anything but GSK_OK
        expect(GSK_OK, gsk_attribute_set_enum(session, 403, 511)); // GSK_PROTOCOL_SSLV2, _OFF
        expect(GSK_OK, gsk_attribute_set_enum(session, 404, 513)); // GSK_PROTOCOL_SSLV3, _OFF
        expect(GSK_OK, gsk_attribute_set_enum(session, 407, 518)); // GSK_PROTOCOL_TLSV1, _ON
        expect(GSK_OK, gsk_attribute_set_enum(session, 437, 1)); // GSK_PROTOCOL_TLSV11, GSK_TRUE
        expect(GSK_OK, gsk_attribute_set_enum(session, 438, 1)); // GSK_PROTOCOL_TLSV12, GSK_TRUE
        SSLContext peer = JdkPeer.context(CompatFixture.SERVER, CompatFixture.ROOT.certificate());
        try (ServerSocketChannel listener = Loopback.listen();
             SocketChannel channel = SocketChannel.open(listener.getLocalAddress())) {
            JdkPeer.Running<String> server = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) peer.getSocketFactory().createSocket(
                        listener.accept().socket(), null, true)) {
                    s.setUseClientMode(false);
                    s.startHandshake();
                    return s.getSession().getProtocol();
                }
            });
            ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(channel)));
            ok(gsk_secure_soc_init(session));
            IntRef used = new IntRef();
            ok(gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, used));
            assertTrue(Set.of(GSK_PROTOCOL_USED_TLSV12, GSK_PROTOCOL_USED_TLSV13).contains(used.value), "used " + used.value);
            assertTrue(Set.of("TLSv1.2", "TLSv1.3").contains(server.result()));
            ok(gsk_secure_soc_close(session));
        }
        ok(gsk_environment_close(env));
    }

    @Test
    void theIdiomaticApiSaysWhichSwitchedOnProtocolsThePlatformDisables() throws Exception {
        assumeOldProtocolsDisabled();
        try (Environment env = Environment.open()) {
            assertEquals(Set.of(), env.protocolsDisabledByPlatform(), "the defaults are all allowed");
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV10, EnumValue.GSK_TRUE);
            env.set(EnumAttribute.GSK_PROTOCOL_SSLV3, EnumValue.GSK_PROTOCOL_SSLV3_ON);
            assertEquals(EnumValue.GSK_TRUE, env.getEnum(EnumAttribute.GSK_PROTOCOL_TLSV10));
            assertEquals(Set.of(TlsProtocol.TLSV10, TlsProtocol.SSLV3), env.protocolsDisabledByPlatform());
        }
    }
}
