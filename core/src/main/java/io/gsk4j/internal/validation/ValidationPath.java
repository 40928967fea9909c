package io.gsk4j.internal.validation;

import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The path the rules judge: the peer's certificate at index 0, its issuers after it, the trust
 * anchor last. When the peer's certificate is itself in the store ("pinned") the path is that
 * one certificate, which is leaf and anchor at once.
 */
final class ValidationPath {
    private final List<X509Certificate> certs;
    private final ValidationPolicy policy;
    private final Set<Purpose> purposes;

    private final AnchorFacts anchorFacts;

    ValidationPath(List<X509Certificate> belowAnchor, X509Certificate anchor, ValidationPolicy policy, Set<Purpose> purposes,
                   AnchorFacts anchorFacts) {
        this.anchorFacts = anchorFacts;
        List<X509Certificate> all = new ArrayList<>(belowAnchor);
        all.add(anchor);
        this.certs = List.copyOf(all);
        this.policy = policy;
        this.purposes = Set.copyOf(purposes);
    }

    int size() {
        return certs.size();
    }

    X509Certificate cert(int i) {
        return certs.get(i);
    }

    X509Certificate leaf() {
        return certs.get(0);
    }

    int anchorIndex() {
        return certs.size() - 1;
    }

    boolean isAnchor(int i) {
        return i == anchorIndex();
    }

    /** The peer's certificate is itself a trusted certificate of the store. */
    boolean pinned() {
        return certs.size() == 1;
    }

    ValidationPolicy policy() {
        return policy;
    }

    Profile profile() {
        return policy.profile();
    }

    boolean strict() {
        return policy.profile() == Profile.STRICT;
    }

    /** The purposes any one of which the peer's certificate must allow. */
    Set<Purpose> purposes() {
        return purposes;
    }

    /**
     * Whether the certificate-content rules look at certificate i: every certificate below the
     * anchor always; the anchor only under STRICT (RFC 5280 §6.1.1 treats an anchor as
     * trusted input, the web PKI holds roots to the same profile as the rest).
     */
    boolean contentChecked(int i) {
        return !isAnchor(i) || strict();
    }

    /**
     * Whether the CA rules (basic constraints, key usage, key identifiers, critical extensions)
     * judge certificate i: every certificate below the anchor; the anchor under STRICT, and under
     * RFC5280 when it is a v3 certificate. RFC 5280 §6.1.1 takes an anchor as input, but a v3
     * root whose own extensions deny that it is a CA is no CA (GSKit checks roots as CAs too);
     * a v1 root carries no extensions and is taken as it is.
     */
    boolean caChecked(int i) {
        return contentChecked(i) || (profile() == Profile.RFC5280 && cert(i).getVersion() == 3);
    }

    /** Certificate i's subject key identifier octets, or null when absent or undecodable. */
    byte[] keyId(int i) {
        return anchorFacts.keyId(certs.get(i));
    }

    /** Certificate i's nameConstraints, read as this path's profile reads them; null when it has none. */
    NameSubtrees[] nameConstraints(int i) throws NameSubtrees.Refused {
        return anchorFacts.nameConstraints(certs.get(i), strict());
    }

    /** Issuer and subject are the same name (RFC 5280 §6.1: such certificates do not count toward path length). */
    boolean selfIssued(int i) {
        X509Certificate c = certs.get(i);
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
