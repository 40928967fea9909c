package io.gsk4j.internal.validation;

import java.security.cert.X509Certificate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules read from each trusted certificate of a store, decoded once per validator
 * rather than once per handshake: the anchor's subject key identifier and its nameConstraints
 * (read both ways: leniently, and as STRICT reads them). Anchors are known by identity; any
 * other certificate is decoded when asked, as before.
 */
public final class AnchorFacts {
    /** One anchor's decoded facts. */
    private static final class Facts {
        final byte[] keyId;
        final NameSubtrees[] lenient;
        final NameSubtrees.Refused lenientRefused;
        final NameSubtrees[] strict;
        final NameSubtrees.Refused strictRefused;

        Facts(X509Certificate c) {
            keyId = KeyIdentifierRule.keyId(c);
            NameSubtrees[] l = null;
            NameSubtrees.Refused lr = null;
            try {
                l = NameSubtrees.of(c, false);
            } catch (NameSubtrees.Refused e) {
                lr = e;
            }
            NameSubtrees[] s = null;
            NameSubtrees.Refused sr = null;
            try {
                s = NameSubtrees.of(c, true);
            } catch (NameSubtrees.Refused e) {
                sr = e;
            }
            lenient = l;
            lenientRefused = lr;
            strict = s;
            strictRefused = sr;
        }
    }

    private final Map<X509Certificate, Facts> byAnchor = new IdentityHashMap<>();

    private AnchorFacts(List<X509Certificate> anchors) {
        for (X509Certificate c : anchors) {
            try {
                byAnchor.put(c, new Facts(c));
            } catch (RuntimeException e) {
                // a certificate the decoders choke on is decoded when asked, and refused as it always was
            }
        }
    }

    /** The facts of a store's trusted certificates. */
    public static AnchorFacts of(List<X509Certificate> anchors) {
        return new AnchorFacts(anchors);
    }

    /** No anchor known in advance: everything is decoded when asked. */
    static AnchorFacts none() {
        return new AnchorFacts(List.of()); // made each time: no static initialiser (see ValidationRules)
    }

    /** The subject key identifier's octets, or null when absent or undecodable. */
    byte[] keyId(X509Certificate c) {
        Facts f = byAnchor.get(c);
        return f != null ? f.keyId : KeyIdentifierRule.keyId(c);
    }

    /** The two sides of c's nameConstraints, or null when it has none (see {@link NameSubtrees#of}). */
    NameSubtrees[] nameConstraints(X509Certificate c, boolean strict) throws NameSubtrees.Refused {
        Facts f = byAnchor.get(c);
        if (f == null) {
            return NameSubtrees.of(c, strict);
        }
        NameSubtrees.Refused refused = strict ? f.strictRefused : f.lenientRefused;
        if (refused != null) {
            throw new NameSubtrees.Refused(refused.rule, refused.getMessage());
        }
        return strict ? f.strict : f.lenient;
    }
}
