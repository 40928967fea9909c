package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * One question for a responder: the CertID it is about, the DER request, and the nonce extension
 * sent with it (null when none was sent).
 */
record OcspQuery(CertificateID certId, X509CertificateHolder issuer, byte[] der, Extension nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Digest provider for CertIDs; the JDK supplies SHA-1 and the SHA-2 family. */
    static DigestCalculatorProvider digests() throws OcspFailure {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new OcspFailure("no digest provider for OCSP", e);
        }
    }

    /** The CertID for {@code cert}: SHA-1 hashes of the issuer's name and key, as RFC 6960 clients commonly send. */
    static CertificateID certificateId(X509Certificate cert, X509CertificateHolder issuer) throws OcspFailure {
        try {
            return new CertificateID(digests().get(CertificateID.HASH_SHA1), issuer, cert.getSerialNumber());
        } catch (OCSPException | OperatorCreationException e) {
            throw new OcspFailure("cannot compute the OCSP certificate ID", e);
        }
    }

    static X509CertificateHolder holder(X509Certificate cert) throws OcspFailure {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (CertificateEncodingException e) {
            throw new OcspFailure("cannot encode certificate " + cert.getSubjectX500Principal(), e);
        }
    }

    /** Builds the request; with {@code nonceSize > 0} a fresh random nonce goes in as an OCTET STRING (RFC 8954). */
    static OcspQuery build(CertificateID certId, X509CertificateHolder issuer, int nonceSize) throws OcspFailure {
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(certId);
            Extension nonce = null;
            if (nonceSize > 0) {
                byte[] value = new byte[nonceSize];
                RANDOM.nextBytes(value);
                nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(value).getEncoded());
                builder.setRequestExtensions(new Extensions(nonce));
            }
            return new OcspQuery(certId, issuer, builder.build().getEncoded(), nonce);
        } catch (OCSPException | IOException e) {
            throw new OcspFailure("cannot build the OCSP request", e);
        }
    }
}
