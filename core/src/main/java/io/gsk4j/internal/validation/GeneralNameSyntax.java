package io.gsk4j.internal.validation;

import java.net.URI;
import java.net.URISyntaxException;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;

/** Whether one GeneralName in a SAN or AIA is well-formed; the problem in words, or null. */
final class GeneralNameSyntax {
    private GeneralNameSyntax() {
    }

    static String problem(GeneralName name, boolean wildcardAllowed, boolean underscore) {
        switch (name.getTagNo()) {
            case GeneralName.dNSName: {
                String s = string(name);
                return ascii(s) && DnsNames.validPresented(s, wildcardAllowed, underscore) ? null : "dNSName \"" + s + "\"";
            }
            case GeneralName.rfc822Name: {
                String s = string(name);
                return ascii(s) && EmailNames.validMailbox(s, underscore) ? null : "rfc822Name \"" + s + "\"";
            }
            case GeneralName.iPAddress: {
                int len = ASN1OctetString.getInstance(name.getName()).getOctets().length;
                return len == 4 || len == 16 ? null : "iPAddress of " + len + " octets";
            }
            case GeneralName.uniformResourceIdentifier: {
                String s = string(name);
                return ascii(s) && absoluteUri(s) ? null : "URI \"" + s + "\"";
            }
            default:
                return null; // directoryName, otherName, registeredID, x400Address, ediPartyName: nothing to check
        }
    }

    static String string(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean absoluteUri(String s) {
        try {
            URI uri = new URI(s);
            return uri.isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
