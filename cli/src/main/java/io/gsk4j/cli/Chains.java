package io.gsk4j.cli;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Certificate chains of key entries: ordering them, and telling whether they reach a self-issued root. */
final class Chains {
    private Chains() {
    }

    /** leaf, then its issuers taken from {@code pool} (by name and signature) as far as they go. */
    static List<X509Certificate> build(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        List<X509Certificate> rest = new ArrayList<>(pool);
        rest.remove(leaf);
        X509Certificate current = leaf;
        while (!selfIssued(current)) {
            X509Certificate c = current;
            X509Certificate issuer = rest.stream().filter(x -> issued(c, x)).findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            rest.remove(issuer);
            current = issuer;
        }
        return chain;
    }

    static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** Whether {@code issuer}'s key signed {@code cert}. */
    static boolean issued(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * What is missing from a key's chain, or null when nothing visibly is. A chain may leave out
     * its root (peers hold it); it is incomplete when it is the key's certificate alone and
     * that certificate's issuer is not a root known here (a self-issued entry of the store, or
     * the JDK's cacerts): then the issuer is most likely an intermediate that nobody sends.
     */
    static String gap(String label, List<X509Certificate> chain, List<X509Certificate> trustedInStore) {
        X509Certificate last = chain.get(chain.size() - 1);
        if (selfIssued(last) || last.getBasicConstraints() >= 0) {
            return null;
        }
        var issuer = last.getIssuerX500Principal();
        boolean knownRoot = KnownRoots.isRoot(issuer)
                || trustedInStore.stream().anyMatch(t -> selfIssued(t) && t.getSubjectX500Principal().equals(issuer));
        if (knownRoot) {
            return null;
        }
        return "the chain of \"" + label + "\" is only its own certificate " + last.getSubjectX500Principal().getName()
                + ", issued by " + issuer.getName() + ", which was not given and is not a root known here: if that is an"
                + " intermediate CA, peers cannot verify the chain; import the CA's chain file together with the"
                + " certificate (a certificate issued directly by a private root that peers trust is fine)";
    }

    /** The store's trusted certificates. */
    static List<X509Certificate> trusted(KeyStore ks) throws CommandFailure {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isCertificateEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        } catch (KeyStoreException e) {
            throw new CommandFailure("cannot list entries: " + e.getMessage(), e);
        }
    }
}
