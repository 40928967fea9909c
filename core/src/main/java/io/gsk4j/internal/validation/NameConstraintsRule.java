package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3(b)(c)), the trust anchor's own included: DNS
 * names (wildcards judged by every name they stand for), IPv4/IPv6 ranges, e-mail addresses and
 * directory names, permitted and excluded together. Constraints in a leaf, malformed
 * constraints, and constraints on a form gsk4j cannot check that the path uses, are refused.
 * The work is bounded before it starts: names × subtrees over the whole path may not exceed
 * {@link #MAX_COMPARISONS}.
 */
final class NameConstraintsRule implements PathRule {
    static final int MAX_COMPARISONS = 1 << 16;

    @Override
    public Violation check(ValidationPath path) {
        if (path.pinned()) {
            return null;
        }
        X509Certificate leaf = path.leaf();
        if (Ext.present(leaf, Ext.NAME_CONSTRAINTS)) {
            return Violation.of(ValidationReason.NAME_CONSTRAINTS_IN_LEAF, leaf, "an end-entity certificate with nameConstraints");
        }
        List<NameSubtrees[]> constraints = new ArrayList<>();
        constraints.add(null);
        for (int i = 1; i < path.size(); i++) {
            try {
                constraints.add(path.nameConstraints(i));
            } catch (NameSubtrees.Refused e) {
                return Violation.of(e.rule, path.cert(i), e.getMessage());
            }
        }
        List<CertNames> names = new ArrayList<>();
        for (int j = 0; j < path.anchorIndex(); j++) {
            try {
                names.add(CertNames.of(path.cert(j), j == 0));
            } catch (Ext.Undecodable e) {
                return Violation.of(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, path.cert(j), "names do not decode: " + e.getMessage());
            }
        }
        Violation v = budget(path, constraints, names);
        for (int i = 1; v == null && i < path.size(); i++) {
            NameSubtrees[] nc = constraints.get(i);
            for (int j = 0; nc != null && v == null && j < i; j++) {
                if (j == 0 || !path.selfIssued(j)) {
                    v = judge(path.cert(i), path.cert(j), names.get(j), nc[0], nc[1]);
                }
            }
        }
        return v;
    }

    private static Violation budget(ValidationPath path, List<NameSubtrees[]> constraints, List<CertNames> names) {
        long work = 0;
        for (int i = 1; i < path.size(); i++) {
            NameSubtrees[] nc = constraints.get(i);
            if (nc == null) {
                continue;
            }
            long subtrees = nc[0].size() + nc[1].size();
            for (int j = 0; j < i; j++) {
                work += subtrees * names.get(j).size();
            }
            if (work > MAX_COMPARISONS) {
                return Violation.of(ValidationReason.NAME_CONSTRAINTS_TOO_COMPLEX, path.cert(i),
                        "more than " + MAX_COMPARISONS + " name-constraint comparisons");
            }
        }
        return null;
    }

    private static Violation judge(X509Certificate ca, X509Certificate c, CertNames n, NameSubtrees permitted, NameSubtrees excluded) {
        Set<Integer> unsupported = new TreeSet<>(permitted.otherForms);
        unsupported.addAll(excluded.otherForms);
        unsupported.retainAll(n.otherForms);
        if (!unsupported.isEmpty()) {
            return Violation.of(ValidationReason.UNSUPPORTED_NAME_CONSTRAINT, c, "uses name form(s) " + unsupported
                    + " that " + Violation.subject(ca) + " constrains and gsk4j cannot check");
        }
        Violation v = form(ca, c, "DNS name", n.dns, permitted.dns, excluded.dns,
                DnsNames::whollyInSubtree, DnsNames::touchesSubtree, s -> s);
        if (v == null) {
            v = form(ca, c, "IP address", n.ip, permitted.ip, excluded.ip, IpAddresses::inRange, IpAddresses::inRange, IpAddresses::text);
        }
        if (v == null) {
            v = form(ca, c, "e-mail address", n.email, permitted.email, excluded.email, EmailNames::matches, EmailNames::matches, s -> s);
        }
        if (v == null) {
            v = form(ca, c, "directory name", n.directory, permitted.directory, excluded.directory,
                    DirectoryNames::inSubtree, DirectoryNames::inSubtree, DirectoryNames::text);
        }
        return v;
    }

    /**
     * One name form: no name may touch an excluded subtree; when the CA permits subtrees of
     * this form, every name must lie wholly inside one of them.
     */
    private static <N, C> Violation form(X509Certificate ca, X509Certificate c, String kind, List<N> names,
                                         List<C> permitted, List<C> excluded, BiPredicate<N, C> inside,
                                         BiPredicate<N, C> touches, java.util.function.Function<N, String> show) {
        for (N name : names) {
            for (C x : excluded) {
                if (touches.test(name, x)) {
                    return Violation.of(ValidationReason.NAME_EXCLUDED, c, kind + " " + show.apply(name)
                            + " is excluded by the name constraints of " + Violation.subject(ca));
                }
            }
            if (permitted.isEmpty()) {
                continue;
            }
            boolean ok = false;
            for (C p : permitted) {
                if (inside.test(name, p)) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return Violation.of(ValidationReason.NAME_NOT_PERMITTED, c, kind + " " + show.apply(name)
                        + " is outside the subtrees " + Violation.subject(ca) + " permits");
            }
        }
        return null;
    }
}
