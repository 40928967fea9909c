package io.gsk4j.cli;

import io.gsk4j.CertDataElement;
import io.gsk4j.attr.CertDataId;
import io.gsk4j.compat.CertDataElem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report shows of one certificate, read from gsk_attribute_get_cert_info elements
 * (or the same elements from {@code CertificateInfo.describe} for the rest of a chain).
 */
record CertSummary(String subject, String issuer, Instant notBefore, Instant notAfter, String key,
                   List<String> subjectAltNames, String sha256, boolean ca, String pem) {

    /** A summary without the certificate's encoding (nothing to save or print as PEM). */
    CertSummary(String subject, String issuer, Instant notBefore, Instant notAfter, String key,
                List<String> subjectAltNames, String sha256, boolean ca) {
        this(subject, issuer, notBefore, notAfter, key, subjectAltNames, sha256, ca, null);
    }

    /** The leaf, as gsk_attribute_get_cert_info(GSK_PARTNER_CERT_INFO) returned it. */
    static CertSummary fromCompat(List<CertDataElem> elements) {
        Fields f = new Fields();
        elements.forEach(e -> f.add(e.cert_data_id, e.text()));
        return f.summary();
    }

    static CertSummary fromCore(List<CertDataElement> elements) {
        Fields f = new Fields();
        elements.forEach(e -> f.add(e.id().id(), e.text()));
        return f.summary();
    }

    boolean selfIssued() {
        return subject != null && subject.equals(issuer);
    }

    boolean expiredAt(Instant now) {
        return notAfter != null && now.isAfter(notAfter);
    }

    boolean notYetValidAt(Instant now) {
        return notBefore != null && now.isBefore(notBefore);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("issuer", issuer);
        m.put("notBefore", notBefore == null ? null : notBefore.toString());
        m.put("notAfter", notAfter == null ? null : notAfter.toString());
        m.put("key", key);
        m.put("subjectAltNames", subjectAltNames);
        m.put("sha256", sha256);
        m.put("ca", ca);
        m.put("pem", pem);
        return m;
    }

    /** Collects the elements by ID; a certificate may carry several SANs of each kind. */
    private static final class Fields {
        private final Map<Integer, List<String>> values = new LinkedHashMap<>();

        void add(int id, String text) {
            values.computeIfAbsent(id, k -> new ArrayList<>()).add(text);
        }

        String first(CertDataId id) {
            List<String> list = values.get(id.id());
            return list == null || list.isEmpty() ? null : list.get(0);
        }

        List<String> all(CertDataId id) {
            return values.getOrDefault(id.id(), List.of());
        }

        CertSummary summary() {
            List<String> sans = new ArrayList<>();
            all(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DNSNAME).forEach(s -> sans.add("DNS:" + s));
            all(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_IPADDRESS).forEach(s -> sans.add("IP:" + s));
            all(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_RFC822NAME).forEach(s -> sans.add("email:" + s));
            all(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_URI).forEach(s -> sans.add("URI:" + s));
            all(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DIRECTORYNAME).forEach(s -> sans.add("DirName:" + s));
            String algorithm = first(CertDataId.CERT_PUBLIC_KEY_ALGORITHM);
            String size = first(CertDataId.CERT_PUBLIC_KEY_SIZE);
            String key = algorithm == null ? null : size == null ? algorithm : algorithm + " " + size + " bits";
            return new CertSummary(first(CertDataId.CERT_DN_PRINTABLE), first(CertDataId.CERT_ISSUER_DN_PRINTABLE),
                    instant(first(CertDataId.CERT_VALID_FROM_EX)), instant(first(CertDataId.CERT_VALID_TO_EX)), key,
                    List.copyOf(sans), first(CertDataId.CERT_FINGERPRINT),
                    "TRUE".equals(first(CertDataId.CERT_BASIC_CONSTRAINTS_CA)), pem(first(CertDataId.CERT_BODY_BASE64)));
        }

        /** CERT_BODY_BASE64 as a PEM block, 64 characters a line (RFC 7468). */
        private static String pem(String base64) {
            if (base64 == null || base64.isEmpty()) {
                return null;
            }
            StringBuilder out = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
            for (int i = 0; i < base64.length(); i += 64) {
                out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
            }
            return out.append("-----END CERTIFICATE-----\n").toString();
        }

        private static Instant instant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
