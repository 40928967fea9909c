package io.gsk4j.internal.validation.limbo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One x509-limbo test case, decoded. Certificates the JDK cannot parse leave {@link #unparsable}
 * set: such a chain can only be refused.
 *
 * @param id the case id, its namespace before "::"
 * @param client CLIENT validation (the peer is a TLS client) rather than SERVER
 * @param time the validation time, or null for "now"
 * @param hostKind DNS, IP or RFC822 (or null when no peer name is expected)
 * @param maxDepth the corpus's max_chain_depth (intermediates), or null
 * @param conflicts ids of cases that expect the opposite of the same chain under another profile
 */
record LimboCase(String id, String description, boolean client, List<X509Certificate> trusted,
                 List<X509Certificate> untrusted, X509Certificate peer, Instant time, String hostKind, String host,
                 Integer maxDepth, List<X509CRL> crls, boolean expectSuccess, String unparsable,
                 List<String> conflicts) {

    String namespace() {
        return id.substring(0, id.indexOf("::"));
    }

    @SuppressWarnings("unchecked")
    static LimboCase of(Map<String, Object> t) {
        String id = (String) t.get("id");
        String problem = null;
        List<X509Certificate> trusted = new ArrayList<>();
        List<X509Certificate> untrusted = new ArrayList<>();
        X509Certificate peer = null;
        List<X509CRL> crls = new ArrayList<>();
        try {
            for (Object pem : (List<Object>) t.get("trusted_certs")) {
                trusted.add(cert((String) pem));
            }
            for (Object pem : (List<Object>) t.get("untrusted_intermediates")) {
                untrusted.add(cert((String) pem));
            }
            peer = cert((String) t.get("peer_certificate"));
            List<Object> crlList = (List<Object>) t.get("crls");
            if (crlList != null) {
                for (Object pem : crlList) {
                    crls.add(crl((String) pem));
                }
            }
        } catch (CertificateException | CRLException | RuntimeException e) {
            problem = e.toString();
        }
        Object when = t.get("validation_time");
        Instant time = when == null ? null : OffsetDateTime.parse((String) when).toInstant();
        Map<String, Object> name = (Map<String, Object>) t.get("expected_peer_name");
        Object depth = t.get("max_chain_depth");
        return new LimboCase(id, (String) t.get("description"), "CLIENT".equals(t.get("validation_kind")), trusted, untrusted,
                peer, time, name == null ? null : (String) name.get("kind"), name == null ? null : (String) name.get("value"),
                depth == null ? null : ((Long) depth).intValue(), crls, "SUCCESS".equals(t.get("expected_result")), problem,
                conflicts(t.get("conflicts_with")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> conflicts(Object list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Object o : (List<Object>) list) {
                out.add((String) o);
            }
        }
        return out;
    }

    private static X509Certificate cert(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static X509CRL crl(String pem) throws CertificateException, CRLException {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public String toString() {
        return id;
    }
}
