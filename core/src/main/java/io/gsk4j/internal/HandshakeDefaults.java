package io.gsk4j.internal;

import io.gsk4j.CipherSpec;
import io.gsk4j.GskException;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLParameters;

/**
 * What a handshake's engine is given from the protocol switches, cipher lists and
 * GSK_SSL_EXTN_SIGALG: worked out once per environment, and again only for a session that set
 * any of those attributes to something else ({@link #appliesTo}).
 */
final class HandshakeDefaults {
    private final Set<TlsProtocol> protocols;
    private final List<CipherSpec> ciphers;
    private final String[] jdkProtocols;
    private final String[] jdkCipherSuites;
    private final SignatureAlgorithms signatures;
    private final java.security.AlgorithmConstraints constraints;

    private HandshakeDefaults(Set<TlsProtocol> protocols, List<CipherSpec> ciphers, SignatureAlgorithms signatures) {
        this.protocols = protocols;
        this.ciphers = ciphers;
        this.signatures = signatures;
        List<String> names = new ArrayList<>();
        for (TlsProtocol p : protocols) {
            if (p.jdkName() != null) {
                names.add(p.jdkName());
            }
        }
        this.jdkProtocols = names.toArray(new String[0]);
        String[] suites = new String[ciphers.size()];
        for (int i = 0; i < suites.length; i++) {
            suites[i] = ciphers.get(i).jdkName();
        }
        this.jdkCipherSuites = suites;
        this.constraints = signatures == null ? null : signatures.constraints();
    }

    /** Worked out from a handle's attributes; fails as the handshake must (no protocol, no cipher, a bad list). */
    static HandshakeDefaults of(AttributeValues values) throws GskException {
        Set<TlsProtocol> protocols = HandshakeSetup.negotiableProtocols(values);
        List<CipherSpec> ciphers = CipherLists.resolve(values, protocols);
        return new HandshakeDefaults(Set.copyOf(protocols), ciphers, SignatureAlgorithms.fromAttributes(values));
    }

    Set<TlsProtocol> protocols() {
        return protocols;
    }

    List<CipherSpec> ciphers() {
        return ciphers;
    }

    /** GSK_SSL_EXTN_SIGALG, or null when unset. */
    SignatureAlgorithms signatures() {
        return signatures;
    }

    /** Protocols, suites in GSKit's order, no host-name check of the JDK's own, GSK_SSL_EXTN_SIGALG. */
    void applyTo(SSLParameters params) {
        params.setProtocols(jdkProtocols.clone());
        params.setCipherSuites(jdkCipherSuites.clone());
        params.setEndpointIdentificationAlgorithm(null); // GSKit leaves host names to the application
        if (constraints != null) {
            params.setAlgorithmConstraints(constraints);
        }
    }

    /**
     * Whether a session's values give the same as the environment's {@code env}: every attribute
     * these defaults are made from is set alike (set or not, and to the same value). Written out,
     * not kept in a static table: see ValidationRules on static initialisers and a full heap.
     */
    static boolean appliesTo(AttributeValues session, AttributeValues env) {
        return sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_TLSV1)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_TLSV10)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_TLSV11)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_TLSV12)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_TLSV13)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_SSLV3)
                && sameEnum(session, env, EnumAttribute.GSK_PROTOCOL_SSLV2)
                && env.sameBuffer(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV12_CIPHER_SPECS, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV11_CIPHER_SPECS_EX, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV11_CIPHER_SPECS, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV10_CIPHER_SPECS_EX, session)
                && env.sameBuffer(BufferAttribute.GSK_TLSV10_CIPHER_SPECS, session)
                && env.sameBuffer(BufferAttribute.GSK_V3_CIPHER_SPECS_EX, session)
                && env.sameBuffer(BufferAttribute.GSK_V3_CIPHER_SPECS, session)
                && env.sameBuffer(BufferAttribute.GSK_SSL_EXTN_SIGALG, session);
    }

    private static boolean sameEnum(AttributeValues a, AttributeValues b, EnumAttribute id) {
        return a.isSet(id) == b.isSet(id) && a.enumValue(id) == b.enumValue(id);
    }
}
