package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GSK_SSL_EXTN_SIGALG: the signature algorithms a session accepts, in IBM i's names
 * (RSA_SHA256, RSA_PSS_SHA384, ECDSA_SHA256, ...; gsk4j adds ED25519 and ED448).
 *
 * <p>It limits two things: the signature_algorithms the engine offers and accepts for the
 * handshake's own signatures (through the engine's algorithm constraints), and the algorithms
 * with which the peer's certificates may be signed — a certificate signed otherwise is
 * refused with {@code GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE}, as IBM documents.
 */
public final class SignatureAlgorithms {
    /** IBM i name → the JDK's name of the same signature (PSS names carry their digest). */
    private static final Map<String, String> BY_GSK_NAME = Map.ofEntries(
            Map.entry("RSA_MD5", "MD5withRSA"),
            Map.entry("RSA_SHA1", "SHA1withRSA"),
            Map.entry("RSA_SHA224", "SHA224withRSA"),
            Map.entry("RSA_SHA256", "SHA256withRSA"),
            Map.entry("RSA_SHA384", "SHA384withRSA"),
            Map.entry("RSA_SHA512", "SHA512withRSA"),
            Map.entry("RSA_PSS_SHA256", "RSASSA-PSS/SHA-256"),
            Map.entry("RSA_PSS_SHA384", "RSASSA-PSS/SHA-384"),
            Map.entry("RSA_PSS_SHA512", "RSASSA-PSS/SHA-512"),
            Map.entry("ECDSA_SHA1", "SHA1withECDSA"),
            Map.entry("ECDSA_SHA224", "SHA224withECDSA"),
            Map.entry("ECDSA_SHA256", "SHA256withECDSA"),
            Map.entry("ECDSA_SHA384", "SHA384withECDSA"),
            Map.entry("ECDSA_SHA512", "SHA512withECDSA"),
            Map.entry("ED25519", "ED25519"),
            Map.entry("ED448", "ED448"));

    private final Set<String> allowed; // JDK names, upper case

    private SignatureAlgorithms(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Parses a comma-separated list; an unknown name is refused rather than ignored. */
    /**
     * GSK_SSL_EXTN_SIGALG from a handle's attributes: null when it is not set. Checked at init
     * (a malformed list fails there) and read again for each session.
     */
    public static SignatureAlgorithms fromAttributes(AttributeValues values) throws GskException {
        java.util.Optional<String> list = values.buffer(io.gsk4j.attr.BufferAttribute.GSK_SSL_EXTN_SIGALG)
                .filter(s -> !s.isBlank());
        return list.isPresent() ? parse(list.get()) : null;
    }

    public static SignatureAlgorithms parse(String list) throws GskException {
        Set<String> names = new LinkedHashSet<>();
        for (String item : list.split(",")) {
            String name = item.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            String jdk = BY_GSK_NAME.get(name);
            if (jdk == null) {
                throw new GskException(GskStatus.GSK_ERROR_UNSUPPORTED,
                        "GSK_SSL_EXTN_SIGALG: unknown signature algorithm " + item.trim());
            }
            names.add(jdk.toUpperCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw new GskException(GskStatus.GSK_ERROR_UNSUPPORTED, "GSK_SSL_EXTN_SIGALG names no signature algorithm");
        }
        return new SignatureAlgorithms(Set.copyOf(names));
    }

    /** Whether the certificate is signed with an allowed algorithm. */
    public boolean allows(X509Certificate certificate) {
        return allows(certificate.getSigAlgName(), certificate.getSigAlgParams());
    }

    public String describe(X509Certificate certificate) {
        String name = certificate.getSigAlgName();
        String digest = pssDigest(name, certificate.getSigAlgParams());
        return digest == null ? name : name + " with " + digest;
    }

    private boolean allows(String jdkName, byte[] encodedParams) {
        String digest = pssDigest(jdkName, encodedParams);
        if (digest != null) {
            return allowed.contains("RSASSA-PSS/" + digest.toUpperCase(Locale.ROOT));
        }
        if (isPss(jdkName)) {
            return allowed.stream().anyMatch(n -> n.startsWith("RSASSA-PSS/"));
        }
        String upper = jdkName.toUpperCase(Locale.ROOT);
        return allowed.contains(upper) || (upper.equals("EDDSA") && (allowed.contains("ED25519") || allowed.contains("ED448")));
    }

    private static boolean isPss(String jdkName) {
        return jdkName.equalsIgnoreCase("RSASSA-PSS");
    }

    private static String pssDigest(String jdkName, byte[] encodedParams) {
        if (!isPss(jdkName) || encodedParams == null) {
            return null;
        }
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
            params.init(encodedParams);
            return params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            return null;
        }
    }

    /** Engine constraints that keep every other signature algorithm out of the handshake. */
    public AlgorithmConstraints constraints() {
        return new AlgorithmConstraints() {
            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
                if (!primitives.contains(CryptoPrimitive.SIGNATURE) || !isSignatureName(algorithm)) {
                    return true; // key exchange, ciphers, digests: not this attribute's business
                }
                byte[] encoded = null;
                if (parameters != null) {
                    try {
                        encoded = parameters.getEncoded();
                    } catch (java.io.IOException e) {
                        encoded = null;
                    }
                }
                return allows(algorithm, encoded);
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
                return true;
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
                return permits(primitives, algorithm, parameters);
            }
        };
    }

    private static boolean isSignatureName(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        return upper.contains("WITH") || isPss(algorithm) || upper.equals("ED25519") || upper.equals("ED448")
                || upper.equals("EDDSA");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureAlgorithms && allowed.equals(((SignatureAlgorithms) o).allowed);
    }

    @Override
    public int hashCode() {
        return allowed.hashCode();
    }

    @Override
    public String toString() {
        return "signature algorithms " + List.copyOf(allowed);
    }
}
