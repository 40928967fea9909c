package io.gsk4j.spi;

import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What an environment gives its engine factory.
 *
 * @param keyManager gsk4j's key manager: the engine must ask it for the key to present
 *     ({@code chooseEngine*Alias} with the engine it created, then the chain and key by alias)
 * @param trustManager gsk4j's trust manager: the engine must ask it to judge every peer chain
 *     ({@code check*Trusted} with the engine it created) and accept its refusal
 * @param sessionTimeoutSeconds how long a session stays resumable (GSK_V3_SESSION_TIMEOUT), as {@code SSLSessionContext#setSessionTimeout} takes it
 */
public record TlsEngineSettings(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager,
        int sessionTimeoutSeconds) {
}
