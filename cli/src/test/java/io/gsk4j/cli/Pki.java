package io.gsk4j.cli;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The stores and PEM files the command tests use, generated at test time with core's test
 * PKI: a CA and a server certificate it issued (for localhost and 127.0.0.1), an expired
 * one, a client certificate, and an unrelated CA nobody's certificates come from.
 */
final class Pki {
    static final String PASSWORD = "store-secret";
    static final String CA_NAME = "gsk4j Test CA";

    final Path dir;
    final TestPki.Ca ca;
    final TestPki.Ca other;
    final Credential server;
    final Credential expired;
    final Credential client;
    /** PKCS#12: key "server" with its chain, the CA trusted. */
    final Path serverStore;
    final Path expiredStore;
    /** PKCS#12: key "client", the CA trusted. */
    final Path clientStore;
    /** PKCS#12: only the CA, trusted. */
    final Path trustStore;
    /** PKCS#12: only the unrelated CA. */
    final Path otherTrustStore;
    /** PEM, for openssl: key and chain in one file each, and the CA certificates. */
    final Path serverPem;
    final Path expiredPem;
    final Path clientPem;
    final Path caPem;
    final Path otherCaPem;

    Pki(Path dir) {
        this.dir = dir;
        ca = TestPki.rootCa(CA_NAME, KeyType.EC_P256);
        other = TestPki.rootCa("gsk4j Other CA", KeyType.EC_P256);
        server = ca.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
        Instant now = Instant.now();
        expired = ca.issue("localhost", KeyType.EC_P256, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(2)),
                true, false, "localhost", "127.0.0.1");
        client = ca.issueClient("gsk4j test client", KeyType.EC_P256);
        char[] pw = PASSWORD.toCharArray();
        serverStore = TestPki.pkcs12().key("server", server).trusted("ca", ca.certificate()).write(dir.resolve("server.p12"), pw);
        expiredStore = TestPki.pkcs12().key("server", expired).trusted("ca", ca.certificate()).write(dir.resolve("expired.p12"), pw);
        clientStore = TestPki.pkcs12().key("client", client).trusted("ca", ca.certificate()).write(dir.resolve("client.p12"), pw);
        trustStore = TestPki.pkcs12().trusted("ca", ca.certificate()).write(dir.resolve("trust.p12"), pw);
        otherTrustStore = TestPki.pkcs12().trusted("other", other.certificate()).write(dir.resolve("other-trust.p12"), pw);
        serverPem = TestPki.pem().key("server", server).write(dir.resolve("server.pem"), null);
        expiredPem = TestPki.pem().key("server", expired).write(dir.resolve("expired.pem"), null);
        clientPem = TestPki.pem().key("client", client).write(dir.resolve("client.pem"), null);
        caPem = TestPki.pem().trusted("ca", ca.certificate()).write(dir.resolve("ca.pem"), null);
        otherCaPem = TestPki.pem().trusted("other", other.certificate()).write(dir.resolve("other-ca.pem"), null);
    }

    /** The options that open a store with the shared password. */
    /** A JDK client context trusting this PKI's CA (a peer that is not gsk4j). */
    javax.net.ssl.SSLContext jdkClient() throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(trustStore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static String[] store(Path file) {
        return new String[] {"--keyring", file.toString(), "--password", PASSWORD};
    }

    /** args + more, for building command lines. */
    static String[] concat(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
