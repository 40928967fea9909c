package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.engine.Hellos;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage note 3 of gsk_secure_soc_init: a client sends its cipher specs in the configured order,
 * TLS 1.3 list first, then TLS 1.2 — checked in the ClientHello bytes a real socket receives.
 */
class ClientHelloOrderTest {
    @TempDir
    Path dir;

    @Test
    void theClientHelloCarriesTheConfiguredOrder() throws Exception {
        Engines.assumeNotBoringSsl(Engines.TLS13_SUITES);
        Path store = Stores.pkcs12(dir, "client", null, TestPki.rootCa("Order CA", KeyType.EC_P256).certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, store);
        env.set(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256");
        env.set(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX,
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 5);
        env.init();
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            JdkPeer.Running<List<Integer>> peer = JdkPeer.start(() -> {
                ByteBuffer in = ByteBuffer.allocate(16384);
                // read until the whole first record is here
                while (in.position() < 5 || in.position() < 5 + (((in.get(3) & 0xFF) << 8) | (in.get(4) & 0xFF))) {
                    if (link.server.read(in) < 0) {
                        break;
                    }
                }
                in.flip();
                in.position(5);
                List<Integer> suites = Hellos.clientCipherSuites(in.slice());
                link.server.close(); // the handshake cannot go on: the test only wanted the hello
                return suites;
            });
            assertThrows(GskException.class, session::handshake);
            session.close();
            List<Integer> offered = peer.result().stream()
                    .filter(code -> code != 0x00FF) // the JDK adds the RFC 5746 signalling suite
                    .collect(Collectors.toList());
            assertEquals(List.of(0x1302, 0x1301, 0xC030, 0xC02B), offered,
                    "offered: " + offered.stream().map(c -> String.format("%04X", c)).collect(Collectors.toList()));
        }
    }
}
