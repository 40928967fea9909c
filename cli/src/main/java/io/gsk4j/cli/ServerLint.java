package io.gsk4j.cli;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is wrong with the chain a server is about to present, found before the first client
 * fails on it: expired or not yet valid certificates, a chain that stops below its root, a
 * leaf without subject alternative names, weak keys and signatures.
 */
final class ServerLint {
    /** RSA below this many bits is refused by current clients (and NIST since 2013). */
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    /** One finding: a stable name for scripts and a sentence for people. */
    record Finding(String check, String message) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", check);
            m.put("message", message);
            return m;
        }
    }

    private ServerLint() {
    }

    static List<Finding> check(List<X509Certificate> chain, Instant now) {
        List<Finding> out = new ArrayList<>();
        if (chain.isEmpty()) {
            return out;
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String who = (i == 0 ? "the server certificate " : "the chain's certificate [" + i + "] ") + c.getSubjectX500Principal().getName();
            if (now.isAfter(c.getNotAfter().toInstant())) {
                out.add(new Finding("expired", who + " expired on " + Explanations.day(c.getNotAfter().toInstant())
                        + ": every client that checks dates refuses it"));
            } else if (now.isBefore(c.getNotBefore().toInstant())) {
                out.add(new Finding("not-yet-valid", who + " is not valid before " + Explanations.day(c.getNotBefore().toInstant())
                        + ": clients refuse it until then (or this clock is behind)"));
            }
            String weakKey = weakKey(c.getPublicKey());
            if (weakKey != null) {
                out.add(new Finding("weak-key", who + " has " + weakKey));
            }
            boolean root = Chains.selfIssued(c);
            String sig = c.getSigAlgName().toUpperCase(Locale.ROOT);
            if (!root && (sig.contains("SHA1") || sig.contains("MD5") || sig.contains("MD2"))) {
                out.add(new Finding("weak-signature", who + " is signed with " + c.getSigAlgName()
                        + ", which current clients refuse: have it reissued with SHA-256"));
            }
        }
        X509Certificate last = chain.get(chain.size() - 1);
        // a chain may leave out its root (clients have it); it is incomplete when it sends no CA at all
        // and the leaf's issuer is not a root either: then that issuer is an intermediate nobody sends
        if (!Chains.selfIssued(last) && last.getBasicConstraints() < 0 && !KnownRoots.isRoot(last.getIssuerX500Principal())) {
            out.add(new Finding("incomplete-chain", "the server sends 1 certificate, ending at " + last.getSubjectX500Principal().getName()
                    + " whose issuer " + last.getIssuerX500Principal().getName() + " it does not send and is not a root"
                    + " known here (JDK cacerts): if that issuer is an intermediate CA, clients cannot verify the chain;"
                    + " import the key again with the CA's chain file (a private root that clients trust is fine)"));
        }
        if (!hasSubjectAltNames(chain.get(0))) {
            out.add(new Finding("no-san", "the server certificate has no subject alternative names: clients match host"
                    + " names against SANs only (RFC 6125; browsers, curl, the JDK, gsk4j client) and ignore the CN;"
                    + " reissue it with --san DNS:host"));
        }
        return out;
    }

    private static boolean hasSubjectAltNames(X509Certificate c) {
        try {
            var sans = c.getSubjectAlternativeNames();
            return sans != null && !sans.isEmpty();
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static String weakKey(PublicKey key) {
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return "a " + rsa.getModulus().bitLength() + "-bit RSA key: current clients want at least " + MIN_RSA_BITS;
        }
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
            return "a " + ec.getParams().getCurve().getField().getFieldSize() + "-bit EC key: current clients want P-256 or larger";
        }
        if (key instanceof DSAKey) {
            return "a DSA key, which TLS 1.3 and current clients do not accept";
        }
        return null;
    }
}
