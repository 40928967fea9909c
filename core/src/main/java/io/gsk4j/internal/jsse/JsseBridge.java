package io.gsk4j.internal.jsse;

import io.gsk4j.CipherSpec;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.AttributeValues;
import io.gsk4j.internal.CipherLists;
import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.HandshakeSetup;
import io.gsk4j.internal.SignatureAlgorithms;
import io.gsk4j.internal.certs.EngineBindings;
import io.gsk4j.internal.certs.GskKeyManager;
import io.gsk4j.internal.certs.GskTrustManager;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * An initialised environment as a JSSE {@link SSLContext}: the JDK's context with gsk4j's key
 * and trust managers (the ones sessions use), whose every engine and socket starts with the
 * parameters a gsk4j session of the environment would set (HandshakeSetup's own code).
 * Each engine or socket gets its session binding when the managers first see it
 * ({@link EndpointBinder}).
 */
public final class JsseBridge {
    private JsseBridge() {
    }

    public static SSLContext create(EnvironmentSnapshot env) throws GskException {
        AttributeValues values = env.values();
        Set<TlsProtocol> protocols = HandshakeSetup.negotiableProtocols(values);
        List<CipherSpec> ciphers = CipherLists.resolve(values, protocols);
        SSLParameters gskit = new SSLParameters();
        HandshakeSetup.applyCommon(gskit, protocols, ciphers, SignatureAlgorithms.fromAttributes(values));
        HandshakeSetup.applyServer(gskit, values); // a client endpoint ignores the server's settings
        EngineBindings bindings = new EngineBindings(new EndpointBinder(env));
        try {
            SSLContext jdk = SSLContext.getInstance("TLS");
            jdk.init(new KeyManager[] {new GskKeyManager(bindings)},
                    new TrustManager[] {new GskTrustManager(bindings, env.keyMaterial().trustedCertificates())}, null);
            int resumeSeconds = values.number(NumericAttribute.GSK_V3_SESSION_TIMEOUT);
            jdk.getClientSessionContext().setSessionTimeout(resumeSeconds);
            jdk.getServerSessionContext().setSessionTimeout(resumeSeconds);
            return new BridgeContext(new BridgeContextSpi(jdk, gskit), jdk);
        } catch (GeneralSecurityException e) {
            throw new GskException(GskStatus.GSK_INTERNAL_ERROR, "the JDK's TLS context could not be created", e);
        }
    }

    /** SSLContext's constructor is protected: this is the only reason for the subclass. */
    private static final class BridgeContext extends SSLContext {
        BridgeContext(BridgeContextSpi spi, SSLContext jdk) {
            super(spi, jdk.getProvider(), "TLS");
        }
    }
}
