package io.gsk4j.internal.certs;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Builds candidate paths from the peer's certificate to a trusted certificate and asks a judge
 * about each, shortest first: every issuer whose name matches (those whose subject key identifier
 * matches the authority key identifier tried first), from the store and from what the peer sent,
 * backtracking when a path fails. The first valid path wins; otherwise the verdict of the best
 * failed path (one PASSTHRU could let through before one it could not, then the shortest).
 *
 * <p>The work is bounded, because a peer controls the graph: at most {@link #MAX_TRIES} issuer
 * candidates are tried over the whole search (each a signature check at most once), and at most
 * {@link #MAX_PATHS} complete paths are judged.
 */
final class PathBuilder {
    static final int MAX_TRIES = 2048;
    static final int MAX_PATHS = 32;

    /** Judges one complete path: the peer's certificate first, the anchor apart. */
    interface Judge {
        ChainVerdict judge(List<X509Certificate> belowAnchor, X509Certificate anchor);
    }

    /** What the search found. {@code verdict} is null when no path reached a trusted certificate. */
    record Outcome(ChainVerdict verdict, boolean badSignatureSeen, boolean exhausted, X509Certificate stuckAt) {
    }

    /**
     * What a search needs to know of the trusted certificates, made once per validator: they do
     * not change with the peer's chain.
     */
    static final class Anchors {
        private final Set<X509Certificate> set;
        private final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();
        private final Map<X509Certificate, byte[]> subjectKeyIds = new IdentityHashMap<>();

        Anchors(List<X509Certificate> trusted) {
            this.set = new LinkedHashSet<>(trusted);
            for (X509Certificate c : trusted) {
                index(bySubject, c);
                subjectKeyIds.put(c, KeyIds.subjectKeyId(c));
            }
        }

        boolean contains(X509Certificate c) {
            return set.contains(c);
        }

        List<X509Certificate> named(X500Principal subject) {
            List<X509Certificate> named = bySubject.get(subject);
            return named == null ? List.of() : named;
        }

        /** A certificate's subject key identifier, from the index when it is one of these anchors. */
        byte[] subjectKeyId(X509Certificate c) {
            return subjectKeyIds.containsKey(c) ? subjectKeyIds.get(c) : KeyIds.subjectKeyId(c);
        }
    }

    private final Anchors anchors;
    /** The certificates the peer sent that are not anchors, by subject. */
    private final Map<X500Principal, List<X509Certificate>> sentBySubject = new HashMap<>();
    private final Map<X509Certificate, Map<X509Certificate, Boolean>> signatures = new IdentityHashMap<>();
    private final Judge judge;
    private int tries;
    private int judged;
    private boolean badSignature;
    private ChainVerdict best;
    private int deepest = 1;
    private X509Certificate stuckAt;

    PathBuilder(List<X509Certificate> trusted, List<X509Certificate> sent, Judge judge) {
        this(new Anchors(trusted), sent, judge);
    }

    PathBuilder(Anchors anchors, List<X509Certificate> sent, Judge judge) {
        this.anchors = anchors;
        this.judge = judge;
        for (X509Certificate c : sent) {
            if (!anchors.contains(c)) {
                index(sentBySubject, c);
            }
        }
    }

    private static void index(Map<X500Principal, List<X509Certificate>> bySubject, X509Certificate c) {
        // no lambdas on the validation path: see ChainValidator.PathJudge
        List<X509Certificate> list = bySubject.get(c.getSubjectX500Principal());
        if (list == null) {
            list = new ArrayList<>();
            bySubject.put(c.getSubjectX500Principal(), list);
        }
        if (!list.contains(c)) {
            list.add(c);
        }
    }

    /** Certificates named c's issuer: the trusted ones first, then those the peer sent. */
    private List<X509Certificate> named(X509Certificate c) {
        List<X509Certificate> trusted = anchors.named(c.getIssuerX500Principal());
        List<X509Certificate> sent = sentBySubject.get(c.getIssuerX500Principal());
        if (sent == null) {
            return trusted;
        }
        if (trusted.isEmpty()) {
            return sent;
        }
        List<X509Certificate> all = new ArrayList<>(trusted);
        all.addAll(sent);
        return all;
    }

    /**
     * @param maxBelow the most certificates a path may hold below its anchor (longer ones are
     *        not looked for)
     */
    Outcome build(X509Certificate leaf, int maxBelow) {
        stuckAt = leaf;
        if (anchors.contains(leaf)) {
            ChainVerdict v = judge.judge(List.of(), leaf);
            if (v.ok()) {
                return new Outcome(v, false, false, null);
            }
            consider(v);
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        for (int length = 1; length <= maxBelow && !spent(); length++) {
            ChainVerdict ok = search(path, length);
            if (ok != null) {
                return new Outcome(ok, badSignature, false, null);
            }
        }
        return new Outcome(best, badSignature, spent(), stuckAt);
    }

    private boolean spent() {
        return tries >= MAX_TRIES || judged >= MAX_PATHS;
    }

    /** Depth-first over paths of exactly {@code length} certificates below the anchor; a valid verdict or null. */
    private ChainVerdict search(List<X509Certificate> path, int length) {
        X509Certificate current = path.get(path.size() - 1);
        List<X509Certificate> named = candidates(current);
        boolean anyVerified = false;
        boolean anyTried = false;
        for (X509Certificate issuer : named) {
            if (spent()) {
                return null;
            }
            if (onPath(path, issuer)) {
                continue;
            }
            boolean anchor = anchors.contains(issuer);
            if (!anchor && path.size() == length) {
                continue; // this round only completes paths of this length
            }
            if (anchor && path.size() != length) {
                continue; // found in an earlier, shorter round
            }
            tries++;
            anyTried = true;
            if (!verifies(current, issuer)) {
                continue;
            }
            anyVerified = true;
            if (anchor) {
                judged++;
                ChainVerdict v = judge.judge(List.copyOf(path), issuer);
                if (v.ok()) {
                    return v;
                }
                consider(v);
                continue;
            }
            path.add(issuer);
            if (path.size() > deepest) {
                deepest = path.size();
                stuckAt = issuer;
            }
            ChainVerdict v = search(path, length);
            path.remove(path.size() - 1);
            if (v != null) {
                return v;
            }
        }
        if (anyTried && !anyVerified) {
            badSignature = true; // a certificate named its issuer, and no certificate of that name signed it
            stuckAt = current;
        }
        return null;
    }

    /** A certificate, or the same subject with the same key, may appear only once (RFC 4158 §2.4.2 loops). */
    private static boolean onPath(List<X509Certificate> path, X509Certificate c) {
        for (X509Certificate p : path) {
            if (p.equals(c) || (p.getSubjectX500Principal().equals(c.getSubjectX500Principal())
                    && p.getPublicKey().equals(c.getPublicKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Paths arrive shortest first: a later one is better only if PASSTHRU could let it through and the best so far not. */
    private void consider(ChainVerdict v) {
        if (best == null || (v.passableInPassthru() && !best.passableInPassthru())) {
            best = v;
        }
    }

    /** Issuers by name, those whose key identifier agrees with the AKI first, those that disagree last. */
    private List<X509Certificate> candidates(X509Certificate c) {
        List<X509Certificate> named = named(c);
        if (named.size() < 2) {
            return named;
        }
        byte[] wanted = KeyIds.authorityKeyId(c);
        if (wanted == null) {
            return named;
        }
        List<X509Certificate> match = new ArrayList<>();
        List<X509Certificate> unknown = new ArrayList<>();
        List<X509Certificate> other = new ArrayList<>();
        for (X509Certificate n : named) {
            byte[] has = anchors.subjectKeyId(n);
            (has == null ? unknown : Arrays.equals(has, wanted) ? match : other).add(n);
        }
        match.addAll(unknown);
        match.addAll(other);
        return match;
    }

    private boolean verifies(X509Certificate c, X509Certificate issuer) {
        Map<X509Certificate, Boolean> byIssuer = signatures.get(c);
        if (byIssuer == null) {
            byIssuer = new IdentityHashMap<>();
            signatures.put(c, byIssuer);
        }
        Boolean known = byIssuer.get(issuer);
        if (known == null) {
            known = verifiesNow(c, issuer);
            byIssuer.put(issuer, known);
        }
        return known;
    }

    private static boolean verifiesNow(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
