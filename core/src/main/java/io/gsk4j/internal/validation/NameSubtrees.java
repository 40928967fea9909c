package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/**
 * One side (permitted or excluded) of a CA's nameConstraints, sorted by name form and checked
 * for well-formedness as it is read (RFC 5280 §4.2.1.10).
 */
final class NameSubtrees {
    final List<String> dns = new ArrayList<>();
    final List<byte[]> ip = new ArrayList<>();
    final List<String> email = new ArrayList<>();
    final List<List<String>> directory = new ArrayList<>();
    /** GeneralName tags of forms gsk4j does not check (URI, otherName, x400, ediParty, registeredID). */
    final Set<Integer> otherForms = new TreeSet<>();

    /** Why a constraint is refused: the rule and what is wrong. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ValidationReason rule;

        Refused(ValidationReason rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    int size() {
        return dns.size() + ip.size() + email.size() + directory.size() + otherForms.size();
    }

    /** The two sides of c's nameConstraints, or null when it has none. */
    static NameSubtrees[] of(X509Certificate c, boolean strict) throws Refused {
        ASN1Primitive value;
        try {
            value = Ext.decode(c, Ext.NAME_CONSTRAINTS, strict);
        } catch (Ext.Undecodable e) {
            throw new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "nameConstraints does not decode: " + e.getMessage());
        }
        if (value == null) {
            return null;
        }
        NameSubtrees permitted = null;
        NameSubtrees excluded = null;
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(value);
            for (int i = 0; i < seq.size(); i++) {
                ASN1TaggedObject part = ASN1TaggedObject.getInstance(seq.getObjectAt(i));
                ASN1Sequence subtrees = ASN1Sequence.getInstance(part, false);
                if (part.getTagNo() == 0 && permitted == null && excluded == null) {
                    permitted = read(subtrees, strict);
                } else if (part.getTagNo() == 1 && excluded == null) {
                    excluded = read(subtrees, strict);
                } else {
                    throw new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "nameConstraints has an unexpected field");
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "nameConstraints does not decode: " + e.getMessage());
        }
        if (permitted == null && excluded == null) {
            throw new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "nameConstraints is empty");
        }
        return new NameSubtrees[] {permitted == null ? new NameSubtrees() : permitted,
                excluded == null ? new NameSubtrees() : excluded};
    }

    private static NameSubtrees read(ASN1Sequence seq, boolean strict) throws Refused {
        if (seq.size() == 0) {
            throw new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "an empty list of subtrees");
        }
        NameSubtrees out = new NameSubtrees();
        for (int i = 0; i < seq.size(); i++) {
            GeneralSubtree subtree = GeneralSubtree.getInstance(seq.getObjectAt(i));
            BigInteger min = subtree.getMinimum();
            if (min != null && min.signum() != 0) {
                throw new Refused(ValidationReason.NAME_CONSTRAINTS_MINIMUM_NOT_ZERO, "a subtree with minimum " + min);
            }
            if (subtree.getMaximum() != null) {
                throw new Refused(ValidationReason.NAME_CONSTRAINTS_MAXIMUM_PRESENT, "a subtree with maximum " + subtree.getMaximum());
            }
            out.add(subtree.getBase(), !strict);
        }
        return out;
    }

    private void add(GeneralName base, boolean underscore) throws Refused {
        switch (base.getTagNo()) {
            case GeneralName.dNSName: {
                String s = GeneralNameSyntax.string(base);
                if (!GeneralNameSyntax.ascii(s) || !DnsNames.validConstraint(s, underscore)) {
                    throw malformed("dNSName constraint \"" + s + "\"");
                }
                dns.add(DnsNames.lower(s));
                break;
            }
            case GeneralName.iPAddress: {
                byte[] range = ASN1OctetString.getInstance(base.getName()).getOctets();
                if (!IpAddresses.validRange(range)) {
                    throw malformed("iPAddress constraint of " + range.length + " octets or with a non-contiguous mask");
                }
                ip.add(range);
                break;
            }
            case GeneralName.rfc822Name: {
                String s = GeneralNameSyntax.string(base);
                if (!GeneralNameSyntax.ascii(s) || !EmailNames.validConstraint(s, underscore)) {
                    throw malformed("rfc822Name constraint \"" + s + "\"");
                }
                email.add(s);
                break;
            }
            case GeneralName.directoryName:
                try {
                    directory.add(DirectoryNames.rdns(X500Name.getInstance(base.getName())));
                } catch (IOException | RuntimeException e) {
                    throw malformed("directoryName constraint");
                }
                break;
            default:
                otherForms.add(base.getTagNo());
        }
    }

    private static Refused malformed(String what) {
        return new Refused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, "a malformed " + what);
    }
}
