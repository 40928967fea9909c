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

/** Throw-away certificates (EC P-256, as a modern server would use) and environments on them. */
final class BenchPki {
    static final String PASSWORD = "bench-secret";

    final Path serverStore;
    final Path clientStore;

    private BenchPki(Path serverStore, Path clientStore) {
        this.serverStore = serverStore;
        this.clientStore = clientStore;
    }

    static BenchPki create() throws IOException {
        Path dir = Files.createTempDirectory("gsk4j-bench");
        dir.toFile().deleteOnExit();
        TestPki.Ca ca = TestPki.rootCa("Bench CA", KeyType.EC_P256);
        TestPki.Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Path s = TestPki.pkcs12().key("server", server).trusted("root", ca.certificate())
                .write(dir.resolve("server.p12"), PASSWORD.toCharArray());
        Path c = TestPki.pkcs12().trusted("root", ca.certificate()).write(dir.resolve("client.p12"), PASSWORD.toCharArray());
        s.toFile().deleteOnExit();
        c.toFile().deleteOnExit();
        return new BenchPki(s, c);
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
