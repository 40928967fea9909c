package io.gsk4j.internal.ocsp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Decides whether a response was signed by someone allowed to speak for the certificate's
 * issuer (RFC 6960 section 4.2.2.2): the issuing CA itself, or a responder certificate that the
 * CA issued for OCSP signing (id-kp-OCSPSigning) and that is currently valid. The signer must
 * also be the one the response names in its ResponderID.
 */
final class ResponderAuthority {
    private static final Set<ASN1ObjectIdentifier> BROKEN_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption, PKCSObjectIdentifiers.md5WithRSAEncryption);

    private ResponderAuthority() {
    }

    /** Returns who signed, for the result's detail; fails when nobody authorised did. */
    static String verify(BasicOCSPResp response, X509CertificateHolder issuer, Instant now) throws OcspFailure {
        if (BROKEN_SIGNATURES.contains(response.getSignatureAlgOID())) {
            throw new OcspFailure("response is signed with a broken algorithm (" + response.getSignatureAlgOID() + ")");
        }
        ResponderID named = response.getResponderId().toASN1Primitive();
        List<String> refusals = new ArrayList<>();
        if (names(named, issuer)) {
            if (signatureValid(response, issuer)) {
                return "signed by the issuing CA";
            }
            refusals.add("signature does not verify with the issuing CA's key");
        }
        for (X509CertificateHolder candidate : response.getCerts()) {
            if (candidate.equals(issuer) || !names(named, candidate)) {
                continue;
            }
            String refusal = delegationRefusal(candidate, issuer, now);
            if (refusal == null && signatureValid(response, candidate)) {
                return "signed by delegated responder " + candidate.getSubject();
            }
            refusals.add(refusal != null ? refusal
                    : "signature does not verify with the key of responder " + candidate.getSubject());
        }
        if (refusals.isEmpty()) {
            throw new OcspFailure("response is signed by an unauthorised responder (neither the issuing CA "
                    + "nor a responder certificate it issued is named as signer)");
        }
        throw new OcspFailure("response signature rejected: " + String.join("; ", refusals));
    }

    /** Why {@code responder} may not sign for {@code issuer}, or null when it may. */
    private static String delegationRefusal(X509CertificateHolder responder, X509CertificateHolder issuer, Instant now) {
        String who = "responder certificate " + responder.getSubject();
        if (!responder.getIssuer().equals(issuer.getSubject()) || !signatureValid(responder, issuer)) {
            return who + " is not issued by the certificate's CA";
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            return who + " lacks the OCSP signing extended key usage";
        }
        KeyUsage usage = KeyUsage.fromExtensions(responder.getExtensions());
        if (usage != null && !usage.hasUsages(KeyUsage.digitalSignature)) {
            return who + " may not make digital signatures (key usage)";
        }
        if (!responder.isValidOn(Date.from(now))) {
            return who + " is outside its validity period";
        }
        return null;
    }

    /** Whether the ResponderID (by name or by SHA-1 of the public key) designates {@code cert}. */
    private static boolean names(ResponderID id, X509CertificateHolder cert) {
        if (id.getName() != null) {
            return id.getName().equals(cert.getSubject());
        }
        byte[] keyHash = id.getKeyHash();
        if (keyHash == null) {
            return false;
        }
        try {
            byte[] key = cert.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            return Arrays.equals(keyHash, MessageDigest.getInstance("SHA-1").digest(key));
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static boolean signatureValid(BasicOCSPResp response, X509CertificateHolder signer) {
        try {
            return response.isSignatureValid(verifier(signer));
        } catch (OCSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signatureValid(X509CertificateHolder cert, X509CertificateHolder signer) {
        try {
            return cert.isSignatureValid(verifier(signer));
        } catch (Exception e) { // CertException, OperatorCreationException, malformed keys: all mean "not signed by it"
            return false;
        }
    }

    private static ContentVerifierProvider verifier(X509CertificateHolder signer)
            throws OperatorCreationException, CertificateException {
        try {
            // through the certificate: the JDK has no KeyFactory registered under the EC key OID
            return new JcaContentVerifierProviderBuilder().build(signer);
        } catch (RuntimeException e) {
            throw new CertificateException("unusable public key", e);
        }
    }
}
