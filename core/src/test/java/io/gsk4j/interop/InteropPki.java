package io.gsk4j.interop;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates of the interop run, generated once per key type (RSA keys are slow to
 * make) and written as PEM for the peers on demand. Each key type has its own chain of
 * that type (root, issuing CA, leaves), so an Ed25519 cell signs and verifies Ed25519 only.
 */
final class InteropPki {
    /** The name every client sends in SNI; only the SNI certificate carries it on peer servers. */
    static final String SNI = "sni.test";

    private static final Map<KeyType, Material> MATERIAL = new ConcurrentHashMap<>();
    private static volatile Failures failures;

    private InteropPki() {
    }

    /**
     * @param root trust anchor both sides are given
     * @param issuing intermediate CA that issues {@link #server} and {@link #client}
     * @param server CN localhost, SANs localhost and 127.0.0.1, sent with its chain: what
     *     gsk4j presents as a server (peer clients check the name localhost) and the peer
     *     servers' default certificate, used when no SNI name matched
     * @param sniServer CN "sni.test (SNI)", issued by the root directly (openssl s_server
     *     cannot send a chain for its SNI certificate): what a peer server presents when it
     *     read sni.test from the ClientHello
     * @param client a client-authentication certificate, sent with its chain
     */
    record Material(KeyType type, Ca root, Ca issuing, Credential server, Credential sniServer, Credential client) {
        /** PEM files for the peers, under {@code dir}. */
        PeerFiles write(Path dir) {
            String p = type.name().toLowerCase(java.util.Locale.ROOT) + "-";
            return new PeerFiles(
                    Pem.certificates(dir.resolve(p + "root.pem"), root.certificate()),
                    Pem.certificates(dir.resolve(p + "server-leaf.pem"), server.leaf()),
                    Pem.certificates(dir.resolve(p + "server-chain.pem"), server.chain()),
                    Pem.certificates(dir.resolve(p + "issuing.pem"), issuing.certificate()),
                    Pem.privateKey(dir.resolve(p + "server-key.pem"), server.key(), server.leaf().getPublicKey()),
                    Pem.certificates(dir.resolve(p + "sni-cert.pem"), sniServer.leaf()),
                    Pem.privateKey(dir.resolve(p + "sni-key.pem"), sniServer.key(), sniServer.leaf().getPublicKey()),
                    Pem.certificates(dir.resolve(p + "client-leaf.pem"), client.leaf()),
                    Pem.certificates(dir.resolve(p + "client-chain.pem"), client.chain()),
                    Pem.privateKey(dir.resolve(p + "client-key.pem"), client.key(), client.leaf().getPublicKey()));
        }
    }

    /** Paths of the PEM files one key type's material was written to. */
    record PeerFiles(Path root, Path serverLeaf, Path serverChain, Path issuing, Path serverKey,
                     Path sniCert, Path sniKey, Path clientLeaf, Path clientChain, Path clientKey) {
    }

    static Material of(KeyType type) {
        return MATERIAL.computeIfAbsent(type, t -> {
            Ca root = TestPki.rootCa("Interop Root " + t, t);
            Ca issuing = root.intermediate("Interop Issuing CA " + t, t);
            Credential server = issuing.issueServer("localhost", t, "localhost", "127.0.0.1");
            Credential sni = root.issueServer(SNI + " (SNI)", t, SNI);
            Credential client = issuing.issueClient("interop client " + t, t);
            return new Material(t, root, issuing, server, sni, client);
        });
    }

    /**
     * Certificates for the failure cases, all RSA: a CA nobody trusts with a server and a
     * client certificate, and an expired server and client certificate from the trusted root.
     */
    record Failures(Material trusted, Ca stranger, Credential strangerServer, Credential strangerClient,
                    Credential expiredServer, Credential expiredClient) {
    }

    static Failures failures() {
        Failures f = failures;
        if (f == null) {
            synchronized (InteropPki.class) {
                if (failures == null) {
                    Material m = of(KeyType.RSA_2048);
                    Ca stranger = TestPki.rootCa("Stranger Root", KeyType.RSA_2048);
                    Instant now = Instant.now();
                    Instant from = now.minus(Duration.ofDays(30));
                    Instant to = now.minus(Duration.ofDays(1));
                    failures = new Failures(m, stranger,
                            stranger.issueServer("localhost", KeyType.RSA_2048, "localhost", "127.0.0.1"),
                            stranger.issueClient("stranger client", KeyType.RSA_2048),
                            m.root().issue("localhost", KeyType.RSA_2048, from, to, true, false, "localhost", "127.0.0.1"),
                            m.root().issue("expired client", KeyType.RSA_2048, from, to, false, true));
                }
                f = failures;
            }
        }
        return f;
    }
}
