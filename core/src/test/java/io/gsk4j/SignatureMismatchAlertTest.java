package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.Completion;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.SharedState;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that offers only RSA signature schemes against an ECDSA-only gsk4j server: the
 * server cannot sign its handshake and ends it. Its fatal alert must reach the client, which
 * then fails at once with the alert's status instead of waiting out its handshake timeout
 * (the server's program keeps its socket open, as GSKit programs do until they close it).
 */
class SignatureMismatchAlertTest {
    @TempDir
    Path dir;

    private final Ca ecCa = TestPki.rootCa("EC CA", KeyType.EC_P256);
    private final Credential ecServer = ecCa.issueServer("localhost", KeyType.EC_P256, "localhost");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theServerThatCannotSignSendsItsAlertAndTheClientEndsPromptly(boolean tls13) throws Exception {
        Engines.assumeNotBoringSsl(Engines.SIGALG_OFFER); // its client offers ECDSA whatever the list says
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ecServer, ecCa.certificate()));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, ecCa.certificate()));
        clientEnv.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "RSA_SHA256,RSA_PSS_SHA256");
        if (!tls13) {
            clientEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        }
        clientEnv.init();
        try (Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            server.attach(link.server);
            server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
            JdkPeer.Running<GskException> serverSide = JdkPeer.start(() -> {
                try {
                    server.handshake();
                    return null;
                } catch (GskException e) {
                    return e; // the session stays open, and so does its socket, until the test ends
                }
            });
            Session client = clientEnv.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
            GskException clientFailure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    client.handshake();
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            GskException serverFailure = serverSide.result();
            assertNotNull(serverFailure, "the server cannot sign with the schemes offered");
            assertNotNull(clientFailure, "the client must fail");
            // the server refuses for want of a scheme to sign with, as it refuses for want of a suite
            assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), serverFailure.code(), serverFailure.toString());
            assertEquals(Party.LOCAL, serverFailure.refusedBy().orElseThrow());
            if (tls13) {
                // the alert follows the ServerHello, under the handshake keys: the client reads it
                assertEquals(TlsAlert.HANDSHAKE_FAILURE, clientFailure.alertReceived().orElseThrow(), clientFailure.toString());
                assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), clientFailure.code(), clientFailure.toString());
            } else {
                // TLS 1.2: the certificate arrives before the server fails, and the client judges it first
                assertEquals(TlsAlert.INTERNAL_ERROR, serverFailure.alertSent().orElseThrow(), serverFailure.toString());
                assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE.code(), clientFailure.code(), clientFailure.toString());
            }
            client.close();
            server.close();
        }
    }

    /** The same refusal by a server on the asynchronous path (its alert leaves from an I/O thread). */
    @Test
    @ResourceLock(SharedState.COMPLETION_PORTS)
    void theAsynchronousServerThatCannotSignSendsItsAlertToo() throws Exception {
        Engines.assumeNotBoringSsl(Engines.SIGALG_OFFER);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ecServer, ecCa.certificate()));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, ecCa.certificate()));
        clientEnv.set(BufferAttribute.GSK_SSL_EXTN_SIGALG, "RSA_SHA256,RSA_PSS_SHA256");
        clientEnv.init();
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            server.attach(link.server);
            server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
            server.startHandshake(port, AsyncOptions.DEFAULT);
            Session client = clientEnv.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
            GskException clientFailure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    client.handshake();
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            Completion done = port.poll(Duration.ofSeconds(10));
            assertNotNull(done, "the server's handshake never completed");
            assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), done.statusCode(), done.toString());
            assertNotNull(clientFailure, "the client must fail");
            assertEquals(TlsAlert.HANDSHAKE_FAILURE, clientFailure.alertReceived().orElseThrow(), clientFailure.toString());
            client.close();
            server.close();
        }
    }
}
