package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import java.nio.file.Path;

/** One protocol with one cipher suite, pinned the same way on gsk4j, JSSE and OpenSSL. */
record Suite(String label, boolean tls13, String jdkProtocol, String cipher, String opensslCipher) {
    static final Suite TLS13 = new Suite("TLS 1.3", true, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    static final Suite TLS12 = new Suite("TLS 1.2", false, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "ECDHE-ECDSA-AES128-GCM-SHA256");

    /** A gsk4j environment that can negotiate only this protocol and suite. */
    Environment environment(EnumValue type, Path store) throws GskException {
        Environment env = Environment.open();
        env.set(EnumAttribute.GSK_SESSION_TYPE, type);
        env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
        env.set(BufferAttribute.GSK_KEYRING_PW, BenchPki.PASSWORD);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 120);
        env.set(tls13 ? EnumAttribute.GSK_PROTOCOL_TLSV12 : EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.set(tls13 ? BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX : BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, cipher);
        env.init();
        return env;
    }
}
