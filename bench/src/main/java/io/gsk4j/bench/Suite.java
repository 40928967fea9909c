package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import java.nio.file.Path;

/**
 * One protocol with one cipher suite and one server key, pinned the same way on gsk4j, JSSE
 * and OpenSSL: TLS 1.3 with TLS_AES_128_GCM_SHA256, or TLS 1.2 with ECDHE and AES-128-GCM
 * for the certificate's key type. Key exchange is each stack's default (X25519 for all three).
 */
record Suite(boolean tls13, CertKind cert) {

    String tag() {
        return (tls13 ? "tls13-" : "tls12-") + cert.tag;
    }

    String label() {
        return (tls13 ? "TLS 1.3 " : "TLS 1.2 ") + cipher() + ", " + cert.label;
    }

    String jdkProtocol() {
        return tls13 ? "TLSv1.3" : "TLSv1.2";
    }

    String cipher() {
        if (tls13) {
            return "TLS_AES_128_GCM_SHA256";
        }
        return cert == CertKind.ECDSA ? "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" : "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    }

    String opensslCipher() {
        if (tls13) {
            return "TLS_AES_128_GCM_SHA256";
        }
        return cert == CertKind.ECDSA ? "ECDHE-ECDSA-AES128-GCM-SHA256" : "ECDHE-RSA-AES128-GCM-SHA256";
    }

    /** A gsk4j environment that can negotiate only this protocol and suite. */
    Environment environment(EnumValue type, Path store) throws GskException {
        return environment(type, store, false);
    }

    /** As {@link #environment(EnumValue, Path)}; {@code modePerSession}: GSK4J_BLOCKING_MODE_SWITCH per session. */
    Environment environment(EnumValue type, Path store, boolean modePerSession) throws GskException {
        Environment env = Environment.open();
        if (modePerSession) {
            env.set(EnumAttribute.GSK4J_BLOCKING_MODE_SWITCH, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);
        }
        env.set(EnumAttribute.GSK_SESSION_TYPE, type);
        env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
        env.set(BufferAttribute.GSK_KEYRING_PW, BenchPki.PASSWORD);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 120);
        env.set(tls13 ? EnumAttribute.GSK_PROTOCOL_TLSV12 : EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.set(tls13 ? BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX : BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, cipher());
        env.init();
        return env;
    }
}
