package io.gsk4j.internal;

import io.gsk4j.CipherSpec;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.certs.FirstVerdicts;
import io.gsk4j.spi.TlsEngineSource;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Writes what a handshake settled into a session's read-only attributes (GSK_PROTOCOL_USED,
 * GSK_CONNECT_CIPHER_SPEC(_EX), GSK_SID_*, the validation codes...) once it succeeded. The
 * caller holds the session's lock. (A failed handshake records its validation codes in
 * {@link Connection}.)
 */
final class NegotiatedValues {
    private NegotiatedValues() {
    }

    /**
     * The peer's chain and what it was found to be, worked out once after the engine's handshake:
     * the trust manager's verdict (a full handshake), the codes a resumed session's full handshake
     * recorded ({@code remembered}), or, for a resumed session with no verdict under this session's
     * judgement (another session of the environment, judging differently, began it: say PASSTHRU
     * let an expired chain through and this session authenticates fully), a verdict reached now,
     * {@code refused} when this session refuses it as its full handshake would have.
     */
    record PeerJudgement(List<X509Certificate> chain, FirstVerdicts.Codes remembered, ChainVerdict verdict, boolean refused) {
    }

    static PeerJudgement judgePeer(HandshakeSetup setup) {
        SSLSession session = setup.engine().getSession();
        List<X509Certificate> chain = peerCertificates(session);
        ChainVerdict judged = setup.binding().verdict();
        if (judged != null || chain.isEmpty()) {
            return new PeerJudgement(chain, null, judged, false); // judged by the trust manager, or no chain
        }
        FirstVerdicts.Codes first = setup.firstVerdicts().recall(session.getCreationTime(), chain, setup.binding(),
                System.currentTimeMillis());
        if (first != null) {
            return new PeerJudgement(chain, first, null, false);
        }
        boolean refused = setup.binding().judgeResumed(chain);
        return new PeerJudgement(chain, null, setup.binding().verdict(), refused);
    }

    /** After a successful handshake, with {@link #judgePeer}'s answer; returns the peer's chain as it sent it (leaf first). */
    static List<X509Certificate> recordSuccess(AttributeValues values, HandshakeSetup setup, TlsEngineSource engines,
            PeerJudgement peer) {
        SSLSession session = setup.engine().getSession();
        TlsProtocol protocol = TlsProtocol.fromJdkName(session.getProtocol()).orElse(null);
        if (protocol != null) {
            values.record(EnumAttribute.GSK_PROTOCOL_USED, EnumValue.fromCode(protocol.protocolUsedValue()).orElse(null));
            values.record(BufferAttribute.GSK_CONNECT_SEC_TYPE, protocol.secType());
        }
        Optional<CipherSpec> cipher = CipherSpec.fromJdkName(session.getCipherSuite());
        values.record(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX, cipher.map(CipherSpec::gskName).orElse(session.getCipherSuite()));
        values.record(BufferAttribute.GSK_CONNECT_CIPHER_SPEC, cipher.map(NegotiatedValues::shortForm).orElse(""));
        values.record(BufferAttribute.GSK_SID_VALUE, hex(session.getId()));
        values.record(EnumAttribute.GSK_SID_FIRST, engines.resumed(setup.engine(), setup.startedAtMillis())
                ? EnumValue.GSK_SID_NOT_FIRST : EnumValue.GSK_SID_IS_FIRST);
        setup.serverName(session).ifPresent(name -> values.record(BufferAttribute.GSK_SSL_EXTN_SERVERNAME, name));
        FirstVerdicts.Codes first = peer.remembered();
        // a resumed session asked nobody about revocation: it reports what its full handshake learned
        String unknownRevocation = setup.binding().unknownRevocationSubject();
        values.record(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT,
                unknownRevocation == null && first != null ? first.unknownRevocationSubject() : unknownRevocation);
        ChainVerdict verdict = peer.verdict();
        if (verdict != null) {
            setup.firstVerdicts().remember(session.getCreationTime(), peer.chain(), setup.binding(), verdict);
        }
        if (first != null) {
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE, first.status());
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR, first.validation());
        } else if (verdict != null) {
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE, verdict.status().code());
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR, verdict.validationCode());
        } else {
            // no chain at all: a server whose client sent no certificate (IBM: NO_CERTIFICATE)
            int code = setup.expectsPeerCertificate() ? GskStatus.GSK_ERROR_NO_CERTIFICATE.code() : GskStatus.GSK_OK.code();
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE, code);
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR, code);
        }
        return peer.chain();
    }

    /** The two-character code where the suite has one, else its four hex digits. */
    private static String shortForm(CipherSpec spec) {
        return spec.shortCode().orElseGet(() -> hex(new byte[] {(byte) (spec.ianaCode() >> 8), (byte) spec.ianaCode()}));
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                out.add((X509Certificate) c);
            }
            return List.copyOf(out);
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** Upper-case hex, as GSKit shows a session ID (and a cipher without a two-character code). */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
