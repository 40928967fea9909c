package io.gsk4j.internal.jsse;

import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.HandshakeSetup;
import io.gsk4j.internal.certs.EngineBindings;
import io.gsk4j.internal.certs.SessionBinding;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Makes the session binding of a bridge engine or socket the first time the key or trust
 * manager sees it: the environment's key, its validation settings for the endpoint's side
 * (a client judges the server with GSK_SERVER_AUTH_TYPE, a server the client with
 * GSK_CLIENT_AUTH_TYPE), and the host the program asked to verify.
 *
 * <p>GSKit checks no host name unless GSK4J_EXPECTED_HOSTNAME says so. A JSSE program asks
 * for the check with an endpoint identification algorithm (HttpClient and HttpsURLConnection
 * set "HTTPS"); the JDK leaves that check to the trust manager, so the bridge hands the
 * peer's host to gsk4j's own host-name rule rather than silently dropping it.
 */
final class EndpointBinder implements Function<Object, SessionBinding> {
    private final EnvironmentSnapshot env;
    private final String alias = EngineBindings.newAlias();

    EndpointBinder(EnvironmentSnapshot env) {
        this.env = env;
    }

    @Override
    public SessionBinding apply(Object endpoint) {
        boolean client;
        SSLParameters params;
        String peerHost;
        if (endpoint instanceof SSLEngine) {
            SSLEngine engine = (SSLEngine) endpoint;
            client = engine.getUseClientMode();
            params = engine.getSSLParameters();
            peerHost = engine.getPeerHost();
        } else if (endpoint instanceof SSLSocket) {
            SSLSocket socket = (SSLSocket) endpoint;
            client = socket.getUseClientMode();
            params = socket.getSSLParameters();
            SSLSession handshake = socket.getHandshakeSession();
            peerHost = handshake != null ? handshake.getPeerHost() : null;
            if (peerHost == null && socket.getInetAddress() != null) {
                peerHost = socket.getInetAddress().getHostAddress();
            }
        } else {
            throw new IllegalArgumentException("not a TLS endpoint: " + endpoint);
        }
        String verifyHost = client && params.getEndpointIdentificationAlgorithm() != null ? peerHost : null;
        return HandshakeSetup.binding(env, env.values(), env.keyMaterial(), env.validator(), client, alias, verifyHost);
    }

}
