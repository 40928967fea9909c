package io.gsk4j.internal.certs;

import io.gsk4j.CertificateProblem;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationPolicy;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Turns a refusing verdict into the facts a program (and the CLI) reads: the path built from the
 * presented chain, the anchor it reached, and the certificate the refusal is about. The path is
 * followed the way {@link ChainValidator} follows it (issuer by name and signature, presented
 * certificates first for intermediates, the store for the anchor).
 */
public final class CertificateProblems {
    private static final int MAX_PRESENTED = ValidationPolicy.DEPTH_LIMIT + 1;

    private CertificateProblems() {
    }

    public static CertificateProblem of(ChainVerdict verdict, X509Certificate[] presented, List<X509Certificate> anchors, Date now) {
        List<X509Certificate> received = presented == null ? List.of() : List.of(presented);
        List<X509Certificate> built = new ArrayList<>();
        X509Certificate anchor = null;
        if (!received.isEmpty()) {
            X509Certificate current = received.get(0);
            while (built.size() < MAX_PRESENTED) {
                if (anchors.contains(current)) {
                    anchor = current;
                    break;
                }
                built.add(current);
                X509Certificate issuer = ChainValidator.findIssuer(current, anchors);
                if (issuer != null) {
                    anchor = issuer;
                    break;
                }
                X509Certificate next = ChainValidator.findIssuer(current, received);
                if (next == null || next.equals(current)) {
                    break;
                }
                current = next;
            }
        }
        return new CertificateProblem(verdict.status(), verdict.validationCode(),
                verdict.rule() == null ? null : verdict.rule().name(), verdict.reason(),
                concerned(verdict, built, anchor, now), received, built, anchor);
    }

    /** The certificate the verdict is about: the rule's, the first outside its dates, or the chain's end. */
    private static X509Certificate concerned(ChainVerdict verdict, List<X509Certificate> built, X509Certificate anchor, Date now) {
        if (verdict.certificate() != null) {
            return verdict.certificate();
        }
        List<X509Certificate> all = new ArrayList<>(built);
        if (anchor != null) {
            all.add(anchor);
        }
        switch (verdict.status()) {
            case GSK_KEYFILE_CERT_EXPIRED:
                for (X509Certificate c : all) {
                    if (now.after(c.getNotAfter()) || now.before(c.getNotBefore())) {
                        return c;
                    }
                }
                return null;
            case GSK_IBMI_ERROR_NOT_TRUSTED_ROOT:
            case GSK_ERROR_BAD_CERTIFICATE:
                return anchor == null && !built.isEmpty() ? built.get(built.size() - 1) : null;
            default:
                return null;
        }
    }
}
