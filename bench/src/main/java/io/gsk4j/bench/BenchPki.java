package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throw-away certificates and environments on them: an EC P-256 server (as a modern server
 * would use) and an RSA 2048 one, each issued by a root of its own key type; the client's
 * store trusts both roots.
 */
final class BenchPki {
    static final String PASSWORD = "bench-secret";

    /** The EC P-256 server's store (key and its root). */
    final Path serverStore;
    /** The RSA 2048 server's store (key and its root). */
    final Path rsaServerStore;
    /** Trust only: both roots. */
    final Path clientStore;

    private BenchPki(Path serverStore, Path rsaServerStore, Path clientStore) {
        this.serverStore = serverStore;
        this.rsaServerStore = rsaServerStore;
        this.clientStore = clientStore;
    }

    static BenchPki create() throws IOException {
        Path dir = Files.createTempDirectory("gsk4j-bench");
        dir.toFile().deleteOnExit();
        TestPki.Ca ec = TestPki.rootCa("Bench CA", KeyType.EC_P256);
        TestPki.Ca rsa = TestPki.rootCa("Bench RSA CA", KeyType.RSA_2048);
        Path s = server(dir.resolve("server.p12"), ec, KeyType.EC_P256);
        Path r = server(dir.resolve("server-rsa.p12"), rsa, KeyType.RSA_2048);
        Path c = TestPki.pkcs12().trusted("root", ec.certificate()).trusted("rsa-root", rsa.certificate())
                .write(dir.resolve("client.p12"), PASSWORD.toCharArray());
        c.toFile().deleteOnExit();
        return new BenchPki(s, r, c);
    }

    private static Path server(Path file, TestPki.Ca ca, KeyType type) throws IOException {
        TestPki.Credential server = ca.issueServer("localhost", type, "localhost");
        Path p = TestPki.pkcs12().key("server", server).trusted("root", ca.certificate()).write(file, PASSWORD.toCharArray());
        p.toFile().deleteOnExit();
        return p;
    }

    Path serverStore(CertKind cert) {
        return cert == CertKind.ECDSA ? serverStore : rsaServerStore;
    }

    static Environment environment(EnumValue type, Path store) throws GskException {
        Environment env = Environment.open();
        env.set(EnumAttribute.GSK_SESSION_TYPE, type);
        env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
        env.set(BufferAttribute.GSK_KEYRING_PW, PASSWORD);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 120);
        env.init();
        return env;
    }
}
