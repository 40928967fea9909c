package io.gsk4j.internal.certs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One "-----BEGIN x-----" ... "-----END x-----" block of a PEM file, with the OpenSSL
 * "Bag Attributes" (friendlyName, localKeyID) printed in the text just before it.
 *
 * @param type         the word(s) after BEGIN, e.g. "CERTIFICATE", "ENCRYPTED PRIVATE KEY"
 * @param friendlyName the friendlyName bag attribute, or null
 * @param localKeyId   the localKeyID bag attribute (normalised hex), or null
 * @param javaTrusted  whether the bag carries the JDK's trusted-certificate attribute
 *                     (how {@code openssl pkcs12} prints a JDK keystore's trusted entry)
 * @param text         the block itself including BEGIN/END lines and any Proc-Type headers
 * @param ordinal      1-based position among the blocks, for messages
 */
record PemBlock(String type, String friendlyName, String localKeyId, boolean javaTrusted, String text, int ordinal) {
    private static final Pattern BEGIN = Pattern.compile("^-----BEGIN ([^-]+)-----\\s*$");
    /** The JDK's PKCS#12 "trusted key usage" attribute (Oracle OID). */
    private static final String JAVA_TRUSTED_OID = "2.16.840.1.113894.746875.1.1";
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+(friendlyName|localKeyID):\\s?(.*)$");

    boolean isKey() {
        return type.endsWith("PRIVATE KEY");
    }

    boolean isCertificate() {
        return type.equals("CERTIFICATE") || type.equals("X509 CERTIFICATE") || type.equals("TRUSTED CERTIFICATE");
    }

    /** Splits PEM text into blocks; unterminated blocks are reported as null text. */
    static List<PemBlock> scan(String content) {
        List<PemBlock> blocks = new ArrayList<>();
        String friendlyName = null;
        String localKeyId = null;
        boolean javaTrusted = false;
        String[] lines = content.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i]);
            if (begin.matches()) {
                String type = begin.group(1).trim();
                String end = "-----END " + type + "-----";
                StringBuilder text = new StringBuilder(lines[i]).append('\n');
                int j = i + 1;
                while (j < lines.length && !lines[j].trim().equals(end)) {
                    text.append(lines[j]).append('\n');
                    j++;
                }
                boolean terminated = j < lines.length;
                text.append(end).append('\n');
                blocks.add(new PemBlock(type, friendlyName, localKeyId, javaTrusted, terminated ? text.toString() : null, blocks.size() + 1));
                friendlyName = null;
                localKeyId = null;
                javaTrusted = false;
                i = j;
                continue;
            }
            if (lines[i].trim().startsWith(JAVA_TRUSTED_OID + ":")) {
                javaTrusted = true;
            }
            Matcher attribute = ATTRIBUTE.matcher(lines[i]);
            if (attribute.matches()) {
                String value = attribute.group(2).trim();
                if (attribute.group(1).equals("friendlyName")) {
                    friendlyName = value.isEmpty() ? null : value;
                } else {
                    localKeyId = value.replaceAll("[\\s:]", "").toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        return blocks;
    }
}
