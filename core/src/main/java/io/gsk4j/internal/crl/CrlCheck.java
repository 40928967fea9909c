package io.gsk4j.internal.crl;

import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.internal.validation.Violation;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/**
 * RFC 5280 §6.3 revocation checking of a built path against the CRLs at hand. For every
 * certificate below the anchor, the complete CRLs its issuer signed are looked at (and delta CRLs
 * on top of them, §5.2.4). A CRL that is the issuer's but unusable as RFC 5280 says refuses the
 * chain with its reason: the issuer's key usage lacks cRLSign (§4.2.1.3, §6.3.3(f)), the CRL
 * number is missing or critical (§5.2.3), an unknown extension is critical (§5.2). A revoked
 * certificate is {@link ValidationReason#REVOKED}. Without a current CRL of its issuer a
 * certificate is not judged here (nothing revokes it; OCSP may still ask).
 */
public final class CrlCheck {
    static final String CRL_NUMBER = "2.5.29.20";
    static final String DELTA_CRL_INDICATOR = "2.5.29.27";
    static final String ISSUING_DISTRIBUTION_POINT = "2.5.29.28";
    static final String AUTHORITY_KEY_ID = "2.5.29.35";
    static final String ISSUER_ALT_NAME = "2.5.29.18";
    static final String FRESHEST_CRL = "2.5.29.46";
    /** CRL extensions gsk4j processes, so they may be critical. */
    private static final Set<String> UNDERSTOOD = Set.of(CRL_NUMBER, DELTA_CRL_INDICATOR, ISSUING_DISTRIBUTION_POINT,
            AUTHORITY_KEY_ID, ISSUER_ALT_NAME, FRESHEST_CRL);
    /** Entry extensions gsk4j processes: reason code and invalidity date. */
    private static final Set<String> UNDERSTOOD_ENTRY = Set.of("2.5.29.21", "2.5.29.24");
    private static final int CRL_SIGN = 6;

    private CrlCheck() {
    }

    /**
     * @param path the peer's certificate first, its issuers after it, without the anchor
     * @return the first refusal, or null
     */
    public static Violation check(List<X509Certificate> path, X509Certificate anchor, List<X509CRL> crls, Date now) {
        if (crls.isEmpty()) {
            return null;
        }
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            Violation v = checkOne(cert, issuer, crls, now);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation checkOne(X509Certificate cert, X509Certificate issuer, List<X509CRL> crls, Date now) {
        List<X509CRL> complete = new ArrayList<>();
        List<X509CRL> deltas = new ArrayList<>();
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !signedBy(crl, issuer)) {
                continue; // another issuer's list, or not really this issuer's
            }
            Violation unusable = unusable(crl, issuer);
            if (unusable != null) {
                return unusable;
            }
            if (!current(crl, now) || !inScope(crl, cert)) {
                continue;
            }
            (crl.getExtensionValue(DELTA_CRL_INDICATOR) != null ? deltas : complete).add(crl);
        }
        for (X509CRL base : complete) {
            X509CRLEntry entry = base.getRevokedCertificate(cert.getSerialNumber());
            X509CRL delta = newestDeltaFor(base, deltas);
            if (delta != null) {
                X509CRLEntry newer = delta.getRevokedCertificate(cert.getSerialNumber());
                if (newer != null) {
                    entry = removedFromCrl(newer) ? null : newer;
                }
            }
            if (entry != null && !removedFromCrl(entry)) {
                return revoked(cert, entry, delta != null ? delta : base);
            }
        }
        return null;
    }

    /** Why a CRL this issuer signed cannot be used, or null. */
    private static Violation unusable(X509CRL crl, X509Certificate issuer) {
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && (ku.length <= CRL_SIGN || !ku[CRL_SIGN])) {
            return violation(ValidationReason.CRL_ISSUER_CANNOT_SIGN_CRLS, issuer, "signed a CRL, but its key usage lacks cRLSign");
        }
        if (crl.getVersion() == 2) {
            if (crl.getExtensionValue(CRL_NUMBER) == null) {
                return violation(ValidationReason.CRL_NUMBER_MISSING, issuer, "its CRL has no CRL number");
            }
            if (crl.getCriticalExtensionOIDs() != null && crl.getCriticalExtensionOIDs().contains(CRL_NUMBER)) {
                return violation(ValidationReason.CRL_NUMBER_CRITICAL, issuer, "its CRL's CRL number is marked critical");
            }
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && !UNDERSTOOD.containsAll(critical)) {
            return violation(ValidationReason.CRL_UNUSABLE, issuer, "its CRL has an unknown critical extension");
        }
        return null;
    }

    /** thisUpdate has passed and nextUpdate, when given, has not (§6.3.3(a)). */
    private static boolean current(X509CRL crl, Date now) {
        return !now.before(crl.getThisUpdate()) && (crl.getNextUpdate() == null || !now.after(crl.getNextUpdate()));
    }

    /** The issuing distribution point's scope covers this certificate (§5.2.5); indirect CRLs are not used. */
    private static boolean inScope(X509CRL crl, X509Certificate cert) {
        ASN1Primitive idp = value(crl.getExtensionValue(ISSUING_DISTRIBUTION_POINT));
        if (idp == null) {
            return true;
        }
        try {
            IssuingDistributionPoint p = IssuingDistributionPoint.getInstance(idp);
            boolean ca = cert.getBasicConstraints() >= 0;
            return !p.isIndirectCRL() && !p.onlyContainsAttributeCerts() && !(p.onlyContainsUserCerts() && ca)
                    && !(p.onlyContainsCACerts() && !ca) && p.getOnlySomeReasons() == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The delta CRL with the highest number whose base is this complete CRL or older (§5.2.4). */
    private static X509CRL newestDeltaFor(X509CRL base, List<X509CRL> deltas) {
        BigInteger baseNumber = number(base.getExtensionValue(CRL_NUMBER));
        X509CRL best = null;
        BigInteger bestNumber = null;
        for (X509CRL d : deltas) {
            BigInteger deltaBase = number(d.getExtensionValue(DELTA_CRL_INDICATOR));
            BigInteger n = number(d.getExtensionValue(CRL_NUMBER));
            if (baseNumber == null || deltaBase == null || n == null || deltaBase.compareTo(baseNumber) > 0 || n.compareTo(baseNumber) <= 0) {
                continue;
            }
            if (bestNumber == null || n.compareTo(bestNumber) > 0) {
                best = d;
                bestNumber = n;
            }
        }
        return best;
    }

    private static boolean removedFromCrl(X509CRLEntry e) {
        return e.getRevocationReason() != null && e.getRevocationReason() == CRLReason.REMOVE_FROM_CRL;
    }

    private static Violation revoked(X509Certificate cert, X509CRLEntry entry, X509CRL from) {
        Set<String> critical = entry.getCriticalExtensionOIDs();
        String why = entry.getRevocationReason() == null ? "" : ", reason " + entry.getRevocationReason().name().toLowerCase(Locale.ROOT);
        String odd = critical != null && !UNDERSTOOD_ENTRY.containsAll(critical) ? " (the entry has an unknown critical extension)" : "";
        return violation(ValidationReason.REVOKED, cert, "revoked on " + entry.getRevocationDate().toInstant() + why
                + " (CRL of " + from.getIssuerX500Principal().getName() + ")" + odd);
    }

    private static Violation violation(ValidationReason rule, X509Certificate c, String what) {
        String name = c.getSubjectX500Principal().getName();
        return new Violation(rule, "\"" + name + "\": " + what);
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static BigInteger number(byte[] wrapped) {
        ASN1Primitive p = value(wrapped);
        try {
            return p == null ? null : ASN1Integer.getInstance(p).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ASN1Primitive value(byte[] wrapped) {
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
