package io.gsk4j;

import io.gsk4j.attr.Attribute;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.AttributeValues;
import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.ProtocolSwitches;
import io.gsk4j.internal.TlsEngines;
import io.gsk4j.internal.jsse.JsseBridge;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A GSKit secure environment: open it, set attributes, {@link #init()} it, open sessions.
 *
 * <p>{@code init()} reads the certificate store and freezes the configuration; after it the
 * setters fail with {@code GSK_INVALID_STATE}. Sessions opened from the environment start
 * with a copy of its attributes and keep working after the environment is closed, as on
 * IBM i. Thread-safe: any number of threads may open sessions from one environment.
 */
public final class Environment implements AttributeHandle, AutoCloseable {
    private final StoreLocations locations;
    private final AttributeValues values = new AttributeValues(HandleKind.ENVIRONMENT);
    private EnvironmentSnapshot snapshot;
    private SSLContext jsse;
    private GskException initFailure;
    private boolean closed;

    private Environment(StoreLocations locations) {
        this.locations = locations;
    }

    /** gsk_environment_open: a new environment with GSKit's defaults. */
    public static Environment open() {
        return new Environment(StoreLocations.defaults());
    }

    /** An environment whose *SYSTEM store, IBM i paths and application IDs resolve under {@code locations}. */
    public static Environment open(StoreLocations locations) {
        return new Environment(locations);
    }

    // ---- attributes ----

    @Override
    public HandleKind handleKind() {
        return HandleKind.ENVIRONMENT;
    }

    @Override
    public synchronized void set(BufferAttribute id, String value) throws GskException {
        checkOpen();
        values.set(id, value, snapshot != null);
    }

    @Override
    public synchronized void set(NumericAttribute id, int value) throws GskException {
        checkOpen();
        values.set(id, value, snapshot != null);
    }

    @Override
    public synchronized void set(EnumAttribute id, EnumValue value) throws GskException {
        checkOpen();
        values.set(id, value, snapshot != null);
    }

    @Override
    public synchronized void setValidationCallback(CertValidationCallback callback) throws GskException {
        checkOpen();
        if (callback != null) {
            callback.check();
        }
        values.setValidationCallback(callback, snapshot != null);
    }

    @Override
    public synchronized String getBuffer(BufferAttribute id) throws GskException {
        readable(id);
        return values.buffer(id).orElse("");
    }

    @Override
    public synchronized int getNumeric(NumericAttribute id) throws GskException {
        readable(id);
        return values.number(id);
    }

    @Override
    public synchronized EnumValue getEnum(EnumAttribute id) throws GskException {
        readable(id);
        if (id == EnumAttribute.GSK4J_TLS_ENGINE) {
            // after init: the engine in use, JSSE after a fallback; before: the one that will be asked for
            return TlsEngines.valueOf(snapshot != null ? snapshot.engine().name() : TlsEngines.requested(values));
        }
        return values.enumValue(id);
    }

    /**
     * The protocols switched on here that this Java runtime's security policy will not
     * negotiate. Setting them succeeded (as on IBM i, where QSSLPCL has the same role); this
     * is the way to warn about them.
     */
    public synchronized Set<TlsProtocol> protocolsDisabledByPlatform() {
        return ProtocolSwitches.disabledByPlatform(values);
    }

    private void readable(Attribute id) throws GskException {
        checkOpen();
        values.checkReadable(id);
    }

    // ---- life cycle ----

    /** gsk_environment_init: reads the certificate store and freezes the attributes. */
    public synchronized void init() throws GskException {
        checkOpen();
        if (snapshot != null) {
            throw new GskException(GskStatus.GSK_INVALID_STATE, "the environment is already initialised");
        }
        try {
            snapshot = EnvironmentSnapshot.initialise(values, locations);
            initFailure = null;
        } catch (GskException e) {
            initFailure = e;
            throw e;
        }
    }

    /**
     * Why the last {@link #init()} failed, with its facts, as it was thrown; empty when init was
     * never called or succeeded. Reading it runs nothing again (the store is not re-read).
     */
    public synchronized Optional<GskException> initFailure() {
        return Optional.ofNullable(initFailure);
    }

    /** Whether {@link #init()} succeeded. */
    public synchronized boolean isInitialized() {
        return snapshot != null;
    }

    /**
     * gsk_secure_soc_open: a session with a copy of this environment's attributes. An
     * environment that was never initialised still opens sessions; their handshake then
     * fails with {@code GSK_IBMI_ERROR_NO_INITIALIZE}.
     */
    public synchronized Session openSession() throws GskException {
        checkOpen();
        return new Session(this, values.copyForSession());
    }

    /** The frozen configuration, or null before init. Sessions hold on to it themselves. */
    synchronized EnvironmentSnapshot snapshot() {
        return snapshot;
    }

    /**
     * This environment as a JSSE {@link SSLContext}, for programs that do their own I/O
     * ({@code HttpClient}, {@code HttpsURLConnection}, JDBC drivers, Netty): its engines and
     * sockets present the environment's key and judge the peer with its store, validation
     * profile, OCSP, CRLs and validation callback, through the same key and trust managers as
     * a {@link Session}, and start with its protocols, cipher specs and client-authentication
     * setting ({@code getDefaultSSLParameters()} returns them). A host name is checked when
     * GSK4J_EXPECTED_HOSTNAME names one or when the program asks for it with an endpoint
     * identification algorithm (as HttpClient does). The same context on every call, so
     * sessions resume across connections; it keeps working after the environment is closed.
     * Turn its failures into gsk4j's facts with {@link io.gsk4j.jsse.Failures#explain(Throwable)}.
     * See docs/JSSE.md.
     *
     * @throws GskException {@code GSK_IBMI_ERROR_NO_INITIALIZE} before {@link #init()},
     *     {@code GSK_INVALID_HANDLE} once closed
     */
    public synchronized SSLContext sslContext() throws GskException {
        checkOpen();
        if (snapshot == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, "the environment is not initialised");
        }
        if (jsse == null) {
            jsse = JsseBridge.create(snapshot);
        }
        return jsse;
    }

    /**
     * The TLS engine this environment's sessions run on: the one {@code GSK4J_TLS_ENGINE} asks for,
     * else the system property {@code gsk4j.engine} ({@code jsse} | {@code boringssl}), else SunJSSE;
     * SunJSSE with the reason when the engine asked for cannot load (its module is absent, its
     * native library is refused, the platform is unsupported). The JSSE bridge
     * ({@link #sslContext()}) is always SunJSSE.
     *
     * @throws GskException {@code GSK_IBMI_ERROR_NO_INITIALIZE} before {@link #init()}
     */
    public synchronized TlsEngine engine() throws GskException {
        if (snapshot == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, "the environment is not initialised");
        }
        return snapshot.engine();
    }

    /** The local certificate chain the store supplies (empty before init or without a key). */
    public synchronized List<X509Certificate> localCertificates() {
        return snapshot == null ? List.of() : snapshot.keyMaterial().chain();
    }

    /** The label of the key this environment presents, if any. */
    public synchronized Optional<String> localLabel() {
        return snapshot == null ? Optional.empty() : snapshot.keyMaterial().label();
    }

    /**
     * gsk_environment_close. Open sessions keep working; new sessions cannot be opened.
     * Closing twice is harmless here; the compat layer reports the second close as a bad handle.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            values.release(); // the password stays only while an open session still holds it
        }
        closed = true;
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws GskException {
        if (closed) {
            throw new GskException(GskStatus.GSK_INVALID_HANDLE, "the environment is closed");
        }
    }

    @Override
    public synchronized String toString() {
        return "gsk4j environment (" + (closed ? "closed" : snapshot != null ? "initialised" : "open") + ")";
    }
}
