package io.gsk4j.testpki;

import io.gsk4j.testpki.CertBuilder.Issued;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate revocation lists signed by a test CA: revoked serials with reasons, a CRL number
 * (normal, missing or critical), delta CRLs, validity window, and odd critical extensions.
 */
public final class CrlBuilder {
    /** The reason codes used most. */
    public static final int KEY_COMPROMISE = CRLReason.keyCompromise;
    public static final int REMOVE_FROM_CRL = CRLReason.removeFromCRL;

    private final Issued issuer;
    private final Map<BigInteger, Integer> revoked = new LinkedHashMap<>();
    private Instant thisUpdate = Instant.now().minus(Duration.ofHours(1));
    private Instant nextUpdate = Instant.now().plus(Duration.ofDays(7));
    private BigInteger number = BigInteger.ONE;
    private boolean numberCritical;
    private BigInteger deltaOf;
    private boolean unknownCritical;

    private CrlBuilder(Issued issuer) {
        this.issuer = issuer;
    }

    public static CrlBuilder by(Issued issuer) {
        return new CrlBuilder(issuer);
    }

    /** Revokes a serial with an RFC 5280 reason code (CRLReason.keyCompromise, ...; removeFromCRL in deltas). */
    public CrlBuilder revoke(BigInteger serial, int reason) {
        revoked.put(serial, reason);
        return this;
    }

    public CrlBuilder window(Instant from, Instant to) {
        this.thisUpdate = from;
        this.nextUpdate = to;
        return this;
    }

    /** The CRL number; null leaves it out (as RFC 5280 forbids). */
    public CrlBuilder number(BigInteger n) {
        this.number = n;
        return this;
    }

    public CrlBuilder numberCritical() {
        this.numberCritical = true;
        return this;
    }

    /** Makes this a delta CRL over the complete CRL numbered {@code base}. */
    public CrlBuilder deltaOf(BigInteger base) {
        this.deltaOf = base;
        return this;
    }

    public CrlBuilder unknownCriticalExtension() {
        this.unknownCritical = true;
        return this;
    }

    public X509CRL build() {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (Map.Entry<BigInteger, Integer> e : revoked.entrySet()) {
                b.addCRLEntry(e.getKey(), Date.from(thisUpdate), e.getValue());
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.cert().getPublicKey()));
            if (number != null) {
                b.addExtension(Extension.cRLNumber, numberCritical, new ASN1Integer(number));
            }
            if (deltaOf != null) {
                b.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(deltaOf));
            }
            if (unknownCritical) {
                b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.55555.9"), true, new DERUTF8String("x"));
            }
            String alg = issuer.key().getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : issuer.key().getAlgorithm().equals("Ed25519") ? "Ed25519" : "SHA256withRSA";
            return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(alg).build(issuer.key())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CRL in PEM. */
    public static String pem(X509CRL crl) {
        try {
            return "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(crl.getEncoded()) + "\n-----END X509 CRL-----\n";
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
