package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure's facts are fields, on both ends of a real loopback handshake: the status, the alert
 * one side sent and the other received, which end refused, and the chain problem with the
 * certificates it is about. Nothing is parsed from a message; nothing is run twice to learn it.
 */
class FailureFactsTest {
    @TempDir
    Path dir;

    /** What each end of one gsk4j-to-gsk4j handshake ended with (null when it succeeded). */
    private record Ends(GskException client, GskException server, Session clientSession, Session serverSession,
            Loopback link) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            clientSession.close();
            serverSession.close();
            link.close();
        }
    }

    /** One handshake on a loopback pair that stays open until the ends are closed. */
    private Ends handshake(Environment serverEnv, Environment clientEnv) throws Exception {
        Loopback link = Loopback.open();
        {
            Session server = serverEnv.openSession();
            server.attach(link.server);
            server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<GskException> serverSide = JdkPeer.start(() -> {
                try {
                    server.handshake();
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            Session client = clientEnv.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            GskException clientFailure = null;
            try {
                client.handshake();
            } catch (GskException e) {
                clientFailure = e;
            }
            GskException serverFailure = serverSide.result();
            return new Ends(clientFailure, serverFailure, client, server, link);
        }
    }

    @Test
    void anUntrustedServerIsRefusedByTheClientWithTheChainItSentAndWhereItEnds() throws Exception {
        Ca root = TestPki.rootCa("Facts Root", KeyType.EC_P256);
        Ca intermediate = root.intermediate("Facts Intermediate", KeyType.EC_P256);
        Credential server = intermediate.issueServer("facts.test", KeyType.EC_P256, "facts.test");
        Ca other = TestPki.rootCa("Some Other Root", KeyType.EC_P256);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server", server));
        // TLS 1.2: the alert the client sends travels in the clear, so the client can say which it was
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null,
                other.certificate()));
        clientEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        clientEnv.init();

        try (Ends ends = handshake(serverEnv, clientEnv)) {

        GskException refused = ends.client();
        assertNotNull(refused);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), refused.code());
        assertEquals(Party.LOCAL, refused.refusedBy().orElseThrow());
        TlsAlert sent = refused.alertSent().orElseThrow();
        assertTrue(refused.alertReceived().isEmpty());
        CertificateProblem problem = refused.certificateProblem().orElseThrow();
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, problem.status());
        assertEquals(List.of(server.chain()), problem.chainReceived());
        assertTrue(problem.trustAnchor().isEmpty());
        X509Names end = new X509Names(problem.chainEnd().orElseThrow());
        assertTrue(end.subject().contains("Facts Intermediate"), end.subject());
        assertTrue(problem.chainEndIssuer().orElseThrow().contains("Facts Root"));
        assertTrue(ends.clientSession().certificateRequestAuthorities().isEmpty(), "the server asked for no certificate");
        assertFalse(problem.chainEndSelfIssued());

        // the server heard it as the client's alert: the peer refused it
        GskException heard = ends.server();
        assertNotNull(heard);
        assertEquals(sent, heard.alertReceived().orElseThrow(), "what the client saw leave is what the server got");
        assertEquals(Party.PEER, heard.refusedBy().orElseThrow());
        assertEquals(sent.statusWhenReceived().code(), heard.code());
        assertTrue(heard.certificateProblem().isEmpty());

        // the session keeps the failure itself; reading it runs nothing
        assertSame(refused, ends.clientSession().failure().orElseThrow());
        GskException again = assertThrows(GskException.class, ends.clientSession()::handshake);
        assertEquals(problem, again.certificateProblem().orElseThrow());
        assertEquals(sent, again.alertSent().orElseThrow());
        }
    }

    @Test
    void anExpiredServerCertificateIsNamedWithItsDates() throws Exception {
        Ca root = TestPki.rootCa("Dates Root", KeyType.EC_P256);
        Instant notAfter = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Credential server = root.issue("expired.test", KeyType.EC_P256, notAfter.minus(30, ChronoUnit.DAYS), notAfter, true, false,
                "expired.test");
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server", server));
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null,
                root.certificate()));

        try (Ends ends = handshake(serverEnv, clientEnv)) {

        CertificateProblem problem = ends.client().certificateProblem().orElseThrow();
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED, problem.status());
        assertEquals(server.leaf(), problem.concerning().orElseThrow());
        assertEquals(notAfter, problem.notAfter().orElseThrow());
        assertEquals(root.certificate(), problem.trustAnchor().orElseThrow());
        assertFalse(problem.concernsAnchor());
        // TLS 1.3: the client's alert is encrypted, so which one the JDK chose is not claimed;
        // the server heard one, and knows it was refused
        assertTrue(ends.client().alertSent().isEmpty());
        assertTrue(ends.server().alertReceived().isPresent());
        assertEquals(Party.PEER, ends.server().refusedBy().orElseThrow());
        }
    }

    @Test
    void aTls13ClientCertificateRefusedAfterTheHandshakeArrivesOnTheFirstReadAsThePeersRefusal() throws Exception {
        Ca serverCa = TestPki.rootCa("Server Side Root", KeyType.EC_P256);
        Ca clientCa = TestPki.rootCa("Client Side Root", KeyType.EC_P256);
        Credential server = serverCa.issueServer("tls13.test", KeyType.EC_P256, "tls13.test");
        Credential client = clientCa.issueClient("the client", KeyType.EC_P256);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL,
                Stores.pkcs12(dir, "server", server, serverCa.certificate()));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", client,
                serverCa.certificate()));
        clientEnv.set(BufferAttribute.GSK_KEYRING_LABEL, "me");
        clientEnv.init();

        try (Ends ends = handshake(serverEnv, clientEnv)) {

        // TLS 1.3: the client's handshake is over before the server judges its certificate
        assertEquals(null, ends.client());
        GskException serverRefused = ends.server();
        assertNotNull(serverRefused);
        assertEquals(Party.LOCAL, serverRefused.refusedBy().orElseThrow());
        assertEquals(client.leaf(), serverRefused.certificateProblem().orElseThrow().chainReceived().get(0));

        GskException onRead = assertThrows(GskException.class, () -> ends.clientSession().read(ByteBuffer.allocate(16)));
        assertEquals(Party.PEER, onRead.refusedBy().orElseThrow());
        TlsAlert alert = onRead.alertReceived().orElseThrow();
        assertEquals(alert.statusWhenReceived().code(), onRead.code());
        assertTrue(alert == TlsAlert.UNKNOWN_CA || alert == TlsAlert.CERTIFICATE_UNKNOWN
                || alert == TlsAlert.BAD_CERTIFICATE, alert::toString);
        assertSame(onRead, ends.clientSession().failure().orElseThrow());
        // which CAs the server would have accepted: what it named in its certificate request
        assertEquals(List.of(serverCa.certificate().getSubjectX500Principal().getName()),
                ends.clientSession().certificateRequestAuthorities().orElseThrow());
        }
    }

    @Test
    void aFailedInitKeepsItsFailureAndDoesNotReadTheStoreAgainToTellIt() throws Exception {
        Path missing = dir.resolve("missing.p12");
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, missing);
        assertTrue(env.initFailure().isEmpty());
        GskException thrown = assertThrows(GskException.class, env::init);
        assertSame(thrown, env.initFailure().orElseThrow());
        // the file appears afterwards: the recorded failure is still the one that happened
        Files.copy(Stores.pkcs12(dir, "late", null, TestPki.rootCa("Late", KeyType.EC_P256).certificate()), missing);
        assertSame(thrown, env.initFailure().orElseThrow());
        assertEquals(StoreProblem.MISSING, thrown.storeProblem().orElseThrow());
        env.close();
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhyAsAFact() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("a-directory.p12"));
        Path junk = Files.write(dir.resolve("junk.kdb"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path truncated = dir.resolve("truncated.p12");
        byte[] whole = Files.readAllBytes(Stores.pkcs12(dir, "whole", null, TestPki.rootCa("Whole", KeyType.EC_P256).certificate()));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(StoreProblem.NOT_A_FILE, initFailureOf(directory).storeProblem().orElseThrow());
        assertEquals(StoreProblem.UNKNOWN_FORMAT, initFailureOf(junk).storeProblem().orElseThrow());
        assertEquals(StoreProblem.DAMAGED, initFailureOf(truncated).storeProblem().orElseThrow());

        Environment stashed = Environment.open(io.gsk4j.internal.certs.StoreLocations.under(dir.resolve("home")));
        stashed.set(BufferAttribute.GSK_KEYRING_FILE, dir.resolve("whole.p12").toString());
        stashed.set(BufferAttribute.GSK_KEYRING_STASH_FILE, dir.resolve("no.sth").toString());
        GskException noStash = assertThrows(GskException.class, stashed::init);
        assertEquals(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), noStash.code());
        assertEquals(StoreProblem.STASH_MISSING, noStash.storeProblem().orElseThrow());
    }

    private GskException initFailureOf(Path store) throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, store);
        GskException e = assertThrows(GskException.class, env::init);
        assertEquals(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), e.code(), e::getMessage);
        return e;
    }

    /** Subject and issuer of a certificate, as strings, for readable assertions. */
    private record X509Names(String subject, String issuer) {
        X509Names(java.security.cert.X509Certificate c) {
            this(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName());
        }
    }
}
