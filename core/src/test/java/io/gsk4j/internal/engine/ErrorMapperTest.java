package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.certs.GskCertificateException;
import io.gsk4j.internal.engine.ErrorMapper.Phase;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.AsynchronousCloseException;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mapping table, one row per rule: the JDK has no typed alerts, so each message rule is
 * pinned here against the exact text the JDK produces (checked against JDK 17 and 25).
 */
class ErrorMapperTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // received alerts, by RFC 8446 name
                row(new SSLHandshakeException("Received fatal alert: handshake_failure"), GskStatus.GSK_ERROR_NO_CIPHERS),
                row(new SSLHandshakeException("Received fatal alert: protocol_version"), GskStatus.GSK_ERROR_UNSUPPORTED),
                row(new SSLHandshakeException("Received fatal alert: certificate_unknown"), GskStatus.GSK_ERROR_BAD_CERTIFICATE),
                row(new SSLHandshakeException("Received fatal alert: bad_certificate"), GskStatus.GSK_ERROR_BAD_CERTIFICATE),
                row(new SSLHandshakeException("Received fatal alert: unknown_ca"), GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT),
                row(new SSLHandshakeException("Received fatal alert: certificate_expired"), GskStatus.GSK_KEYFILE_CERT_EXPIRED),
                row(new SSLHandshakeException("Received fatal alert: unsupported_certificate"),
                        GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE),
                row(new SSLHandshakeException("Received fatal alert: certificate_required"), GskStatus.GSK_ERROR_NO_CERTIFICATE),
                row(new SSLHandshakeException("Received fatal alert: decode_error"), GskStatus.GSK_ERROR_BAD_MESSAGE),
                row(new SSLHandshakeException("Received fatal alert: unexpected_message"), GskStatus.GSK_ERROR_BAD_PEER),
                row(new SSLHandshakeException("Received fatal alert: unrecognized_name"), GskStatus.GSK_ERROR_BAD_PEER),
                row(new SSLException("Received fatal alert: bad_record_mac"), GskStatus.GSK_ERROR_BAD_MAC),
                row(new SSLHandshakeException("Received fatal alert: some_future_alert"), GskStatus.GSK_ERROR_BAD_PEER),
                // the JDK's own words for local failures
                row(new SSLHandshakeException("no cipher suites in common"), GskStatus.GSK_ERROR_NO_CIPHERS),
                row(new SSLHandshakeException("No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"),
                        GskStatus.GSK_ERROR_NO_CIPHERS),
                row(new SSLHandshakeException("Empty client certificate chain"), GskStatus.GSK_ERROR_NO_CERTIFICATE),
                row(new SSLHandshakeException("The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]"),
                        GskStatus.GSK_ERROR_UNSUPPORTED),
                row(new SSLException("Unsupported or unrecognized SSL message"), GskStatus.GSK_ERROR_BAD_MESSAGE),
                row(new SSLException("Unrecognized SSL message, plaintext connection?"), GskStatus.GSK_ERROR_BAD_MESSAGE),
                row(withCause(new SSLHandshakeException("Illegal handshake message: server_hello"),
                        new java.nio.BufferUnderflowException()), GskStatus.GSK_ERROR_BAD_MESSAGE),
                row(new SSLHandshakeException("Server selected improper ciphersuite SSL_RSA_WITH_RC4_128_SHA"),
                        GskStatus.GSK_ERROR_BAD_PEER),
                row(new SSLProtocolException("Input record too big: max = 16709 len = 18245"), GskStatus.GSK_ERROR_BAD_MESSAGE),
                row(new SSLException("Tag mismatch", new AEADBadTagException("Tag mismatch")), GskStatus.GSK_ERROR_BAD_MAC),
                row(new SSLHandshakeException("Failed to parse server certificates"), GskStatus.GSK_ERROR_BAD_PEER),
                row(withCause(new SSLHandshakeException("Failed to parse server certificates"),
                        new java.security.cert.CertificateException("Could not parse certificate", new IOException("Empty input"))),
                        GskStatus.GSK_ERROR_BAD_CERTIFICATE),
                // end of stream and closed channels
                row(new EOFException(), GskStatus.GSK_ERROR_SOCKET_CLOSED),
                row(new AsynchronousCloseException(), GskStatus.GSK_ERROR_SOCKET_CLOSED),
                // anything unexpected
                row(new IllegalStateException("boom"), GskStatus.GSK_INTERNAL_ERROR),
                row(new OutOfMemoryError("Java heap space"), GskStatus.GSK_INSUFFICIENT_STORAGE));
    }

    private static Throwable withCause(Throwable t, Throwable cause) {
        t.initCause(cause);
        return t;
    }

    private static Arguments row(Throwable failure, GskStatus expected) {
        return Arguments.of(failure, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void mapsEachRule(Throwable failure, GskStatus expected) {
        assertEquals(expected.code(), ErrorMapper.map(failure, Phase.HANDSHAKE, false).code());
    }

    @Test
    void aRefusalAfterWeWithheldACertificateIsNoCertificateWhateverTheAlert() {
        for (String alert : new String[] {"bad_certificate", "certificate_required", "handshake_failure", "decode_error"}) {
            GskException e = ErrorMapper.map(new SSLHandshakeException("Received fatal alert: " + alert), Phase.HANDSHAKE, true);
            assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), e.code(), alert);
        }
        // not asked for a certificate: the alert keeps its own meaning
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), ErrorMapper.map(
                new SSLHandshakeException("Received fatal alert: handshake_failure"), Phase.HANDSHAKE, false).code());
    }

    @Test
    void ourTrustManagersVerdictWinsWhereverItSitsInTheCauseChain() {
        GskCertificateException ours = new GskCertificateException(
                new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED, "expired yesterday"));
        SSLHandshakeException jdk = new SSLHandshakeException("PKIX path validation failed");
        jdk.initCause(new RuntimeException(ours));
        GskException e = ErrorMapper.map(jdk, Phase.HANDSHAKE, false);
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.code());
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), e.validationCode());
    }

    @Test
    void aReceivedAlertIsAFactWithThePeerAsTheEndThatRefused() {
        GskException e = ErrorMapper.map(new SSLHandshakeException("Received fatal alert: unknown_ca"), Phase.HANDSHAKE, false);
        assertEquals(TlsAlert.UNKNOWN_CA, e.alertReceived().orElseThrow());
        assertEquals(Party.PEER, e.refusedBy().orElseThrow());
        assertTrue(e.alertSent().isEmpty());
        // a name no RFC gsk4j knows: still the peer's refusal, without an alert constant
        GskException unknown = ErrorMapper.map(new SSLHandshakeException("Received fatal alert: some_future_alert"),
                Phase.HANDSHAKE, false);
        assertTrue(unknown.alertReceived().isEmpty());
        assertEquals(Party.PEER, unknown.refusedBy().orElseThrow());
    }

    @Test
    void anAlertReadOffTheWireIsMappedByItsTypeNotItsMessage() {
        for (TlsAlert alert : TlsAlert.values()) {
            GskException e = ErrorMapper.map(new Alerts.PeerAlertException(alert.number(), alert), Phase.READ, false);
            assertEquals(alert.statusWhenReceived().code(), e.code(), alert::toString);
            assertEquals(alert, e.alertReceived().orElseThrow());
        }
        GskException unnamed = ErrorMapper.map(new Alerts.PeerAlertException(200, null), Phase.READ, false);
        assertEquals(GskStatus.GSK_ERROR_BAD_PEER.code(), unnamed.code());
        assertEquals(Party.PEER, unnamed.refusedBy().orElseThrow());
    }

    @Test
    void aPlaintextAlertRecordIsReadInBothDirections() throws Exception {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(16).put(new byte[] {21, 3, 3, 0, 2, 2, 48});
        Alerts.PeerAlertException thrown = org.junit.jupiter.api.Assertions.assertThrows(Alerts.PeerAlertException.class,
                () -> Alerts.refuseOnPlaintextFatalAlert(in));
        assertEquals(TlsAlert.UNKNOWN_CA, thrown.alert());
        // outgoing: a handshake record, then the alert
        java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(new byte[] {22, 3, 3, 0, 1, 9, 21, 3, 3, 0, 2, 2, 46});
        assertEquals(TlsAlert.CERTIFICATE_UNKNOWN, Alerts.plaintextFatalAlert(out));
        // an encrypted record (TLS 1.3 application_data) tells nothing
        assertEquals(null, Alerts.plaintextFatalAlert(java.nio.ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 19})));
    }

    @Test
    void ourRefusalWithoutAChainIsStillOurs() {
        GskException e = ErrorMapper.map(new GskCertificateException(
                new ChainVerdict(GskStatus.GSK_ERROR_NO_CERTIFICATE, "none sent")), Phase.HANDSHAKE, false);
        assertEquals(Party.LOCAL, e.refusedBy().orElseThrow());
        assertTrue(e.certificateProblem().isEmpty());
    }

    @Test
    void socketFailuresCarryTheirErrno() {
        assertEquals(Errno.ECONNRESET, ErrorMapper.map(new SocketException("Connection reset"), Phase.READ, false).errno().orElseThrow());
        assertEquals(Errno.ECONNRESET, ErrorMapper.map(new IOException("Connection reset by peer"), Phase.READ, false).errno().orElseThrow());
        assertEquals(Errno.EPIPE, ErrorMapper.map(new IOException("Broken pipe"), Phase.WRITE, false).errno().orElseThrow());
        assertEquals(Errno.EIO, ErrorMapper.map(new IOException("something else"), Phase.WRITE, false).errno().orElseThrow());
        SSLException wrapped = new SSLException("write failed", new SocketException("Broken pipe"));
        GskException e = ErrorMapper.map(wrapped, Phase.WRITE, false);
        assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code());
        assertEquals(Errno.EPIPE, e.errno().orElseThrow());
    }

    @Test
    void aStatusAlreadyDecidedPassesThrough() {
        GskException decided = new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, "late");
        assertSame(decided, ErrorMapper.map(decided, Phase.HANDSHAKE, false));
    }
}
