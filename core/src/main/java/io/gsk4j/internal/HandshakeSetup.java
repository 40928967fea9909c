package io.gsk4j.internal;

import io.gsk4j.CipherSpec;
import io.gsk4j.Descriptors;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.certs.EngineBindings;
import io.gsk4j.internal.certs.FirstVerdicts;
import io.gsk4j.internal.certs.KeyMaterial;
import io.gsk4j.internal.certs.Revocation;
import io.gsk4j.internal.certs.SessionBinding;
import io.gsk4j.internal.engine.HelloCapture;
import io.gsk4j.internal.validation.ValidationPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;

/**
 * Everything a session's handshake needs, worked out from its attributes before the first
 * byte is sent: the socket (checked to be a connected TCP stream), the key to present, how
 * the peer is judged, and the engine configured with protocols, cipher order, SNI and
 * client-authentication mode. Any misconfiguration fails here with its own status.
 */
public final class HandshakeSetup {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final SessionBinding binding;
    private final List<X509Certificate> localChain;
    private final boolean client;
    private final boolean expectsPeerCertificate;
    private final String sentServerName;
    private final HelloCapture helloCapture;
    private final long startedAtMillis;
    private final FirstVerdicts firstVerdicts;

    private HandshakeSetup(SSLEngine engine, SocketChannel channel, SessionBinding binding, List<X509Certificate> localChain,
            boolean client, boolean expectsPeerCertificate, String sentServerName, HelloCapture helloCapture,
            FirstVerdicts firstVerdicts) {
        this.engine = engine;
        this.channel = channel;
        this.binding = binding;
        this.localChain = localChain;
        this.client = client;
        this.expectsPeerCertificate = expectsPeerCertificate;
        this.sentServerName = sentServerName;
        this.helloCapture = helloCapture;
        this.startedAtMillis = System.currentTimeMillis();
        this.firstVerdicts = firstVerdicts;
    }

    /** The channel behind a GSK_FD value, checked to exist. */
    public static Channel channelFor(int descriptor) throws GskException {
        if (descriptor < 0) {
            throw GskException.io(Errno.EBADF, "GSK_FD was not set", null);
        }
        return Descriptors.lookup(descriptor)
                .orElseThrow(() -> GskException.io(Errno.EBADF, "GSK_FD " + descriptor + " names no open channel", null));
    }

    public static HandshakeSetup create(EnvironmentSnapshot env, AttributeValues values, Channel raw)
            throws GskException, IOException {
        SocketChannel channel = tcpChannel(raw);
        EnumValue type = values.enumValue(EnumAttribute.GSK_SESSION_TYPE);
        boolean client = type == EnumValue.GSK_CLIENT_SESSION;

        // what depends on the protocol and cipher attributes alone is the environment's, unless the session changed them
        HandshakeDefaults defaults = HandshakeDefaults.appliesTo(values, env.values()) ? env.handshakeDefaults()
                : HandshakeDefaults.of(values);

        KeyMaterial keys = sessionKeys(env, values);
        ChainValidator validator = keys == env.keyMaterial() ? env.validator()
                : new ChainValidator(keys.trustedCertificates(), env.validator().crls());
        if (!client && keys.privateKey().isEmpty()) {
            throw new GskException(GskStatus.GSK_ERROR_NO_CERTIFICATE,
                    "a server session needs a certificate with its private key, and the store " + keys.source() + " has none");
        }
        SessionBinding binding = binding(env, values, keys, validator, client, EngineBindings.newAlias(), null,
                defaults.signatures());

        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        String serverName = values.buffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME_REQUEST).filter(s -> !s.isBlank()).orElse(null);
        String peerHost = client && serverName != null ? serverName : remote.getHostString();
        SSLEngine engine = env.engines().createEngine(client, peerHost, remote.getPort());
        engine.setUseClientMode(client);

        SSLParameters params = engine.getSSLParameters();
        defaults.applyTo(params);
        EngineLimits.narrow(env, params, engine); // an engine other than SunJSSE may lack some of the suites
        boolean expectsPeer = client;
        String sentName = null;
        if (client) {
            if (serverName != null && !IP_LITERAL.matcher(serverName).matches()) {
                // an IP literal is accepted as the attribute but never sent: RFC 6066 forbids it in SNI
                params.setServerNames(List.of(new SNIHostName(serverName)));
                sentName = serverName;
            } else {
                params.setServerNames(List.of());
            }
        } else {
            applyServer(params, values);
            expectsPeer = type != EnumValue.GSK_SERVER_SESSION;
        }
        engine.setSSLParameters(params);
        env.bindings().bind(engine, binding);
        // RFC 5746: the JDK signals secure renegotiation itself, but says nothing of whether the peer did
        EnumAttribute critical = client ? EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT
                : EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_SERVER;
        HelloCapture capture = values.isOn(critical) ? new HelloCapture() : null;
        return new HandshakeSetup(engine, channel, binding, keys.chain(), client, expectsPeer, sentName, capture,
                env.firstVerdicts());
    }

    /** The protocols to offer; none at all because of the runtime's policy fails as no ciphers. */
    public static Set<TlsProtocol> negotiableProtocols(AttributeValues values) throws GskException {
        Set<TlsProtocol> protocols = ProtocolSwitches.negotiable(values);
        if (protocols.isEmpty() && !ProtocolSwitches.enabled(values).isEmpty()) {
            // as when the switches leave nothing on: no protocol, hence no cipher, to offer
            throw new GskException(GskStatus.GSK_ERROR_NO_CIPHERS, "every protocol switched on "
                    + ProtocolSwitches.disabledByPlatform(values) + " is disabled by this Java runtime's security policy"
                    + " (jdk.tls.disabledAlgorithms); it allows " + TlsProtocol.enabledInThisRuntime());
        }
        return protocols;
    }

    /**
     * What the shared key and trust managers know of one handshake: the key to present and how
     * the peer is judged (GSK_SERVER_AUTH_TYPE for a client, GSK_CLIENT_AUTH_TYPE for a server).
     *
     * @param hostFallback the host the peer's certificate must name when GSK4J_EXPECTED_HOSTNAME
     *     is unset, or null for none (GSKit's default; the JSSE bridge passes the host a program
     *     asked to verify)
     */
    public static SessionBinding binding(EnvironmentSnapshot env, AttributeValues values, KeyMaterial keys,
            ChainValidator validator, boolean client, String alias, String hostFallback) {
        SignatureAlgorithms signatures;
        try {
            signatures = SignatureAlgorithms.fromAttributes(values);
        } catch (GskException e) {
            throw new IllegalStateException("GSK_SSL_EXTN_SIGALG was checked at init", e);
        }
        return binding(env, values, keys, validator, client, alias, hostFallback, signatures);
    }

    /** The same, with GSK_SSL_EXTN_SIGALG already parsed (null when unset). */
    private static SessionBinding binding(EnvironmentSnapshot env, AttributeValues values, KeyMaterial keys,
            ChainValidator validator, boolean client, String alias, String hostFallback, SignatureAlgorithms signatures) {
        EnumAttribute authId = client ? EnumAttribute.GSK_SERVER_AUTH_TYPE : EnumAttribute.GSK_CLIENT_AUTH_TYPE;
        EnumValue auth = values.enumValue(authId);
        SessionBinding.PeerAuth peerAuth = auth == EnumValue.GSK_SERVER_AUTH_PASSTHRU || auth == EnumValue.GSK_CLIENT_AUTH_PASSTHRU
                ? SessionBinding.PeerAuth.PASSTHRU : SessionBinding.PeerAuth.FULL;
        return new SessionBinding(alias, keys.privateKey().orElse(null), keys.chain(), validator, peerAuth,
                values.validationCallback().orElse(null), signatures, revocation(env, values),
                validationPolicy(values, client, env.defaultProfile(), hostFallback));
    }

    /** Protocols, suites in GSKit's order, no host-name check of the JDK's own, GSK_SSL_EXTN_SIGALG. */
    public static void applyCommon(SSLParameters params, Set<TlsProtocol> protocols, List<CipherSpec> ciphers,
            SignatureAlgorithms signatures) {
        params.setProtocols(protocols.stream().map(TlsProtocol::jdkName).filter(n -> n != null).toArray(String[]::new));
        params.setCipherSuites(ciphers.stream().map(CipherSpec::jdkName).toArray(String[]::new));
        params.setEndpointIdentificationAlgorithm(null); // GSKit leaves host names to the application
        if (signatures != null) {
            params.setAlgorithmConstraints(signatures.constraints());
        }
    }

    /** A server's side: its own suite order, client authentication by session type, the SNI list it accepts. */
    public static void applyServer(SSLParameters params, AttributeValues values) {
        EnumValue type = values.enumValue(EnumAttribute.GSK_SESSION_TYPE);
        params.setUseCipherSuitesOrder(true); // usage note 2: the server's own order decides
        boolean critical = type == EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL
                || (type == EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH
                        && values.enumValue(EnumAttribute.GSK_CLIENT_AUTH_TYPE) == EnumValue.GSK_IBMI_CLIENT_AUTH_REQUIRED);
        if (critical) {
            params.setNeedClientAuth(true);
        } else if (type == EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH) {
            params.setWantClientAuth(true);
        }
        values.buffer(BufferAttribute.GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST)
                .ifPresent(list -> params.setSNIMatchers(List.of(new ListedNames(list))));
    }

    /**
     * gsk4j's validation attributes; a client judges a server's chain, a server a client's.
     * Without GSK4J_VALIDATION_PROFILE the environment's default applies (application definition,
     * system property, else RFC5280).
     */
    private static ValidationPolicy validationPolicy(AttributeValues values, boolean client, ValidationPolicy.Profile fallback,
            String hostFallback) {
        ValidationPolicy.Profile p = values.isSet(EnumAttribute.GSK4J_VALIDATION_PROFILE)
                ? ValidationPolicy.Profile.of(values.enumValue(EnumAttribute.GSK4J_VALIDATION_PROFILE)) : fallback;
        return new ValidationPolicy(p, values.number(NumericAttribute.GSK4J_MAX_CHAIN_DEPTH),
                values.buffer(BufferAttribute.GSK4J_EXPECTED_HOSTNAME).orElse(hostFallback),
                client ? ValidationPolicy.Purpose.SERVER : ValidationPolicy.Purpose.CLIENT);
    }

    /** OCSP and CRL fetching for this handshake, bounded by its timeout; null when the environment has both off. */
    private static Revocation revocation(EnvironmentSnapshot env, AttributeValues values) {
        if (env.ocsp() == null && env.crlFetcher() == null) {
            return null;
        }
        int seconds = values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT);
        return new Revocation(env.ocsp(), env.crlFetcher(), seconds == 0 ? null : java.time.Instant.now().plusSeconds(seconds));
    }

    /** GSK_SSL_EXTN_SIGALG, parsed; null when unset (the JDK's own list applies). */
    private static SocketChannel tcpChannel(Channel raw) throws GskException, IOException {
        if (!(raw instanceof SocketChannel)) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NOT_TCP, "GSK_FD is not a stream socket ("
                    + raw.getClass().getSimpleName() + ")");
        }
        SocketChannel channel = (SocketChannel) raw;
        if (!channel.isOpen()) {
            throw new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED, "the socket in GSK_FD is closed");
        }
        SocketAddress local = channel.getLocalAddress();
        // an unbound socket has no address yet: TCP is then told by its options (issue 11 item 9)
        if (!(local instanceof InetSocketAddress) && !(local == null && isTcp(channel))) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NOT_TCP,
                    "GSK_FD is not an AF_INET or AF_INET6 socket (" + (local == null ? "unbound" : local.getClass().getSimpleName()) + ")");
        }
        if (!channel.isConnected()) {
            throw GskException.io(Errno.ENOTCONN, "the socket in GSK_FD is not connected", null);
        }
        return channel;
    }

    /** Only TCP sockets have TCP_NODELAY; a Unix-domain stream socket has not. */
    private static boolean isTcp(SocketChannel channel) {
        return channel.supportedOptions().contains(java.net.StandardSocketOptions.TCP_NODELAY);
    }

    /** The environment's key, or the session's own store selection when it set one. */
    private static KeyMaterial sessionKeys(EnvironmentSnapshot env, AttributeValues values) throws GskException {
        if (env.sameStore(values)) {
            return env.keyMaterial();
        }
        try {
            return env.loadForSession(values);
        } catch (GskException e) {
            int code = e.code();
            // gsk_secure_soc_init reports every failure to open the store as one status
            if (code == GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD.code() || code == GskStatus.GSK_NO_KEYFILE_PASSWORD.code()
                    || code == GskStatus.GSK_IBMI_ERROR_NO_ACCESS.code()) {
                throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, e.getMessage(), e);
            }
            if (code == GskStatus.GSK_ERROR_NO_PRIVATE_KEY.code()) {
                throw new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Server names accepted under GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST (comma-separated, any case). */
    private static final class ListedNames extends SNIMatcher {
        private final List<String> names;

        ListedNames(String list) {
            super(StandardConstants.SNI_HOST_NAME);
            List<String> out = new ArrayList<>();
            for (String n : list.split(",")) {
                if (!n.isBlank()) {
                    out.add(n.trim().toLowerCase(Locale.ROOT));
                }
            }
            this.names = List.copyOf(out);
        }

        @Override
        public boolean matches(SNIServerName serverName) {
            return serverName instanceof SNIHostName
                    && names.contains(((SNIHostName) serverName).getAsciiName().toLowerCase(Locale.ROOT));
        }
    }

    public SSLEngine engine() {
        return engine;
    }

    public SocketChannel channel() {
        return channel;
    }

    public SessionBinding binding() {
        return binding;
    }

    public List<X509Certificate> localChain() {
        return localChain;
    }

    /** Whether the peer was asked for a certificate (always, for a client). */
    public boolean expectsPeerCertificate() {
        return expectsPeerCertificate;
    }

    /** The peer's first hello, captured when renegotiation indication is required; else null. */
    public HelloCapture helloCapture() {
        return helloCapture;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** The environment's record of what full handshakes found, for resumed sessions. */
    FirstVerdicts firstVerdicts() {
        return firstVerdicts;
    }

    /** The SNI name: the one we sent as a client, the one received as a server. */
    public Optional<String> serverName(SSLSession session) {
        if (client) {
            return Optional.ofNullable(sentServerName);
        }
        if (session instanceof ExtendedSSLSession) {
            for (SNIServerName name : ((ExtendedSSLSession) session).getRequestedServerNames()) {
                if (name instanceof SNIHostName) {
                    return Optional.of(((SNIHostName) name).getAsciiName());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return (client ? "client" : "server") + " handshake setup " + Arrays.toString(engine.getEnabledProtocols());
    }
}
