package io.gsk4j.support;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.StoreLocations;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** Stores written at test time and environments opened on them. */
public final class Stores {
    public static final String PASSWORD = "store-secret";

    private Stores() {
    }

    /** A PKCS#12 store holding an optional key (label "me") and trusted certificates. */
    public static Path pkcs12(Path dir, String name, Credential key, X509Certificate... trusted) {
        TestPki.StoreBuilder b = TestPki.pkcs12();
        if (key != null) {
            b.key("me", key);
        }
        for (int i = 0; i < trusted.length; i++) {
            b.trusted("trusted-" + i, trusted[i]);
        }
        return b.write(dir.resolve(name + ".p12"), PASSWORD.toCharArray());
    }

    /** An environment of the given session type on a store, not yet initialised. */
    public static Environment environment(Path dir, EnumValue sessionType, Path store) throws GskException {
        Environment env = Environment.open(StoreLocations.under(dir.resolve("gsk4j-home")));
        env.set(EnumAttribute.GSK_SESSION_TYPE, sessionType);
        env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
        env.set(BufferAttribute.GSK_KEYRING_PW, PASSWORD);
        return env;
    }

    /** The same, initialised. */
    public static Environment initialised(Path dir, EnumValue sessionType, Path store) throws GskException {
        Environment env = environment(dir, sessionType, store);
        env.init();
        return env;
    }
}
