package io.gsk4j.internal.certs;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the key each session was configured with (its GSK_KEYRING_LABEL, or the store's
 * default). The alias it returns names the session's binding, because the JDK later asks
 * for the chain and key by alias alone.
 */
public final class GskKeyManager extends X509ExtendedKeyManager {
    private final EngineBindings bindings;

    public GskKeyManager(EngineBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        SessionBinding b = bindings.of(engine);
        return b != null && b.keyMatches(keyType) ? b.alias() : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return clientAlias(keyTypes, issuers, bindings.of(engine));
    }

    private static String clientAlias(String[] keyTypes, Principal[] issuers, SessionBinding b) {
        if (b == null || keyTypes == null) {
            return null;
        }
        b.recordCertificateRequest(issuers);
        for (String type : keyTypes) {
            if (b.keyMatches(type)) {
                return b.alias();
            }
        }
        // the JDK asks only when the server requested a certificate: remember that none went out
        b.recordCertificateWithheld();
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        SessionBinding b = bindings.of(alias);
        return b == null || !b.hasKey() ? null : b.chain();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        SessionBinding b = bindings.of(alias);
        return b == null ? null : b.key();
    }

    // Sessions run on engines; only the JSSE bridge's sockets use the socket variants. Alias listings are not used.
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return clientAlias(keyType, issuers, bindings.of(socket));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SessionBinding b = bindings.of(socket);
        return b != null && b.keyMatches(keyType) ? b.alias() : null;
    }
}
