package io.gsk4j.cli;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/** Distinguished names and subject alternative names as users type them. */
final class CertNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private CertNames() {
    }

    /**
     * "CN=host,O=Org" in RFC 2253 order (most specific first, as certificates print); a bare
     * word is taken as the common name.
     */
    static X500Name dn(String text) {
        String dn = text.contains("=") ? text : "CN=" + text;
        X500Principal principal = new X500Principal(dn); // IllegalArgumentException names the problem
        return X500Name.getInstance(principal.getEncoded());
    }

    /** The CN of a DN, or null. */
    static String commonName(String text) {
        X500Principal p = new X500Principal(text.contains("=") ? text : "CN=" + text);
        for (String part : p.getName(X500Principal.RFC2253).split("(?<!\\\\),")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3).replace("\\", "");
            }
        }
        return null;
    }

    /** "DNS:name", "IP:1.2.3.4", "email:a@b", "URI:https://..."; a bare value is an IP or a DNS name. */
    static List<GeneralName> sans(List<String> values) {
        List<GeneralName> out = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                String v = item.trim();
                if (!v.isEmpty()) {
                    out.add(san(v));
                }
            }
        }
        return out;
    }

    private static GeneralName san(String v) {
        int colon = v.indexOf(':');
        String kind = colon > 0 ? v.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        String rest = colon > 0 ? v.substring(colon + 1) : v;
        switch (kind) {
            case "dns":
                return new GeneralName(GeneralName.dNSName, rest);
            case "ip":
                return ip(rest);
            case "email":
                return new GeneralName(GeneralName.rfc822Name, rest);
            case "uri":
                return new GeneralName(GeneralName.uniformResourceIdentifier, rest);
            default:
                return isIp(v) ? ip(v) : new GeneralName(GeneralName.dNSName, v);
        }
    }

    private static GeneralName ip(String text) {
        if (!isIp(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return new GeneralName(GeneralName.iPAddress, text);
    }

    static boolean isIp(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(text) != null; // a literal never goes to DNS
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A label made from a name: "Test Root CA" -> "test-root-ca". */
    static String labelFrom(String name) {
        String label = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("^-+|-+$", "");
        return label.isEmpty() ? "certificate" : label;
    }
}
