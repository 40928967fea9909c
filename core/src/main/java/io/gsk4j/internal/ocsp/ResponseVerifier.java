package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;

/**
 * Turns a responder's bytes into a verdict, or refuses them. Everything a forger or a confused
 * responder could get wrong is checked: encoding, response status and type, signer authority and
 * signature, nonce, that the answer is about our certificate, and its time window.
 */
final class ResponseVerifier {
    /** Tolerated clock difference between us and the responder, in both directions. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A verdict plus how long it may be reused (null nextUpdate = must not be cached). */
    record Verified(OcspResult result, Instant nextUpdate) {
    }

    private ResponseVerifier() {
    }

    static Verified verify(byte[] body, OcspQuery query, boolean nonceRequired, Instant now, String source)
            throws OcspFailure {
        BasicOCSPResp basic = basicResponse(body);
        String signer = ResponderAuthority.verify(basic, query.issuer(), now);
        checkProducedAt(basic, now);
        checkCriticalExtensions(basic.getCriticalExtensionOIDs(), Set.of(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        checkNonce(basic, query.nonce(), nonceRequired);
        SingleResp single = answerFor(basic, query);
        checkCriticalExtensions(single.getCriticalExtensionOIDs(), Set.of());
        Instant nextUpdate = checkWindow(single, basic.getProducedAt().toInstant(), now);
        String detail = " from " + source + ", " + signer;
        CertificateStatus status = single.getCertStatus();
        OcspResult result;
        if (status == CertificateStatus.GOOD) {
            result = OcspResult.good("certificate is good" + detail);
        } else if (status instanceof RevokedStatus revoked) {
            Integer reason = revoked.hasRevocationReason() ? revoked.getRevocationReason() : null;
            result = OcspResult.revoked("certificate was revoked" + detail,
                    revoked.getRevocationTime().toInstant(), reason);
        } else if (status instanceof UnknownStatus) {
            result = OcspResult.unknown("responder does not know the certificate" + detail);
        } else {
            throw new OcspFailure("response carries an unrecognised certificate status");
        }
        return new Verified(result, nextUpdate);
    }

    /** Exactly one DER OCSPResponse, status successful, of the basic type. */
    private static BasicOCSPResp basicResponse(byte[] body) throws OcspFailure {
        OCSPResp response;
        try {
            // fromByteArray refuses trailing bytes, which a lenient parse would silently ignore
            response = new OCSPResp(OCSPResponse.getInstance(ASN1Primitive.fromByteArray(body)));
        } catch (IOException | RuntimeException e) {
            throw new OcspFailure("malformed OCSP response");
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new OcspFailure("responder refused: " + statusName(response.getStatus()));
        }
        try {
            Object object = response.getResponseObject();
            if (object instanceof BasicOCSPResp basic) {
                return basic;
            }
            throw new OcspFailure("OCSP response is not of the basic type");
        } catch (OCSPException | RuntimeException e) {
            throw new OcspFailure("malformed basic OCSP response");
        }
    }

    private static void checkProducedAt(BasicOCSPResp basic, Instant now) throws OcspFailure {
        Instant producedAt = basic.getProducedAt().toInstant();
        if (producedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new OcspFailure("response claims to be produced in the future (" + producedAt + ")");
        }
    }

    /** An extension we do not understand but are told we must: RFC 5280 says refuse. */
    private static void checkCriticalExtensions(Set<?> critical, Set<ASN1ObjectIdentifier> understood)
            throws OcspFailure {
        for (Object oid : critical) {
            if (!understood.contains(oid)) {
                throw new OcspFailure("response has an unsupported critical extension " + oid);
            }
        }
    }

    /**
     * With the check on, the response must echo the nonce we sent. Even with the check off, a
     * response carrying some other nonce was made for another request and is refused.
     */
    private static void checkNonce(BasicOCSPResp basic, Extension sent, boolean required) throws OcspFailure {
        if (sent == null) {
            return;
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            if (required) {
                throw new OcspFailure("nonce mismatch: the response carries no nonce");
            }
            return;
        }
        if (!echoed.getExtnValue().equals(sent.getExtnValue())) {
            throw new OcspFailure("nonce mismatch: the response carries a different nonce");
        }
    }

    /** The single response about our certificate; the responder may have hashed with another algorithm. */
    private static SingleResp answerFor(BasicOCSPResp basic, OcspQuery query) throws OcspFailure {
        DigestCalculatorProvider digests = OcspQuery.digests();
        BigInteger serial = query.certId().getSerialNumber();
        for (SingleResp single : basic.getResponses()) {
            try {
                if (single.getCertID().getSerialNumber().equals(serial)
                        && single.getCertID().matchesIssuer(query.issuer(), digests)) {
                    return single;
                }
            } catch (OCSPException | RuntimeException e) {
                // a hash algorithm we cannot compute cannot be about our certificate in a way we can check
            }
        }
        throw new OcspFailure("response does not cover the certificate asked about");
    }

    /** thisUpdate is not in the future, nextUpdate not in the past (both with skew); returns nextUpdate. */
    private static Instant checkWindow(SingleResp single, Instant producedAt, Instant now) throws OcspFailure {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Date next = single.getNextUpdate();
        Instant nextUpdate = next == null ? null : next.toInstant();
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            throw new OcspFailure("response is not yet valid (thisUpdate " + thisUpdate + ")");
        }
        if (thisUpdate.isAfter(producedAt.plus(CLOCK_SKEW))) {
            throw new OcspFailure("response's thisUpdate " + thisUpdate + " lies after its producedAt " + producedAt);
        }
        if (nextUpdate != null) {
            if (nextUpdate.isBefore(thisUpdate)) {
                throw new OcspFailure("response's nextUpdate lies before its thisUpdate");
            }
            if (nextUpdate.plus(CLOCK_SKEW).isBefore(now)) {
                throw new OcspFailure("response is stale (nextUpdate " + nextUpdate + ")");
            }
        }
        return nextUpdate;
    }

    private static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest (1)";
            case OCSPResp.INTERNAL_ERROR -> "internalError (2)";
            case OCSPResp.TRY_LATER -> "tryLater (3)";
            case OCSPResp.SIG_REQUIRED -> "sigRequired (5)";
            case OCSPResp.UNAUTHORIZED -> "unauthorized (6)";
            default -> "status " + status;
        };
    }
}
