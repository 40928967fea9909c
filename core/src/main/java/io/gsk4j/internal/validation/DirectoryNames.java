package io.gsk4j.internal.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Distinguished names as lists of RDNs in canonical form (RFC 5280 §7.1 comparison via the
 * JDK's canonical RFC 2253 text of each RDN), root-most first, so a subtree is a prefix.
 */
final class DirectoryNames {
    private DirectoryNames() {
    }

    static List<String> rdns(X500Name name) throws IOException {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            X500Name single = new X500Name(new RDN[] {rdn});
            out.add(new X500Principal(single.getEncoded()).getName(X500Principal.CANONICAL));
        }
        return out;
    }

    static boolean inSubtree(List<String> name, List<String> constraint) {
        if (constraint.size() > name.size()) {
            return false;
        }
        for (int i = 0; i < constraint.size(); i++) {
            if (!constraint.get(i).equals(name.get(i))) {
                return false;
            }
        }
        return true;
    }

    static String text(List<String> rdns) {
        List<String> reversed = new ArrayList<>(rdns);
        java.util.Collections.reverse(reversed);
        return String.join(",", reversed);
    }
}
