package io.gsk4j.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** The subjects of the public roots the JDK ships (cacerts), to tell a root issuer from an intermediate one. */
final class KnownRoots {
    private static volatile Set<X500Principal> subjects;

    private KnownRoots() {
    }

    static boolean isRoot(X500Principal name) {
        return subjects().contains(name);
    }

    private static Set<X500Principal> subjects() {
        Set<X500Principal> known = subjects;
        if (known == null) {
            known = load();
            subjects = known;
        }
        return known;
    }

    private static Set<X500Principal> load() {
        Set<X500Principal> out = new HashSet<>();
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, null); // certificates only: no password needed to read them
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c.getSubjectX500Principal());
                }
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            // no cacerts: every non-root issuer counts as unknown, which only makes the warning more frequent
        }
        return Set.copyOf(out);
    }
}
