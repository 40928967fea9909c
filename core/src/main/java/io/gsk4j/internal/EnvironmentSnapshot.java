package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.TlsEngine;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.certs.EngineBindings;
import io.gsk4j.internal.certs.FirstVerdicts;
import io.gsk4j.internal.certs.GskKeyManager;
import io.gsk4j.internal.certs.GskTrustManager;
import io.gsk4j.internal.certs.KeyMaterial;
import io.gsk4j.internal.certs.StoreLoader;
import io.gsk4j.internal.certs.StoreRequest;
import io.gsk4j.internal.crl.CrlFetcher;
import io.gsk4j.internal.crl.CrlFiles;
import io.gsk4j.internal.ocsp.OcspChecker;
import io.gsk4j.internal.validation.ProfileChoice;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.spi.TlsEngineSettings;
import io.gsk4j.spi.TlsEngineSource;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An initialised environment, frozen: the attribute values as they were at
 * gsk_environment_init, the key material read from the store, and the engine source every
 * session of the environment shares (and with it the session-resumption cache).
 * Immutable, so sessions keep using it after the environment handle is closed.
 */
public final class EnvironmentSnapshot {
    private final AttributeValues values;
    private final StoreLocations locations;
    private final KeyMaterial keyMaterial;
    private final ChainValidator validator;
    private final EngineBindings bindings;
    private final TlsEngines.Opened engines;
    private final OcspChecker ocsp;
    private final ValidationPolicy.Profile defaultProfile;
    private final CrlFetcher crlFetcher;
    private final FirstVerdicts firstVerdicts;
    private volatile HandshakeDefaults handshakeDefaults;

    private EnvironmentSnapshot(AttributeValues values, StoreLocations locations, KeyMaterial keyMaterial,
            List<X509CRL> crls, EngineBindings bindings, TlsEngines.Opened engines, OcspChecker ocsp) {
        this.values = values;
        this.locations = locations;
        this.keyMaterial = keyMaterial;
        this.validator = new ChainValidator(keyMaterial.trustedCertificates(), crls);
        this.bindings = bindings;
        this.engines = engines;
        this.ocsp = ocsp;
        this.crlFetcher = values.isOn(EnumAttribute.GSK4J_CRL_DP_ENABLE) ? new CrlFetcher(OcspConfig.settings(values)) : null;
        this.defaultProfile = ProfileChoice.environmentDefault(
                values.buffer(BufferAttribute.GSK_IBMI_APPLICATION_ID).orElse(null), locations.applicationDefinitions());
        this.firstVerdicts = new FirstVerdicts(values.number(NumericAttribute.GSK_V3_SESSION_TIMEOUT));
    }

    /**
     * Protocols, suites and signature algorithms from the environment's attributes, for the
     * sessions that keep them; made on first use. A failure is not kept: each session's
     * handshake fails with it, as it did when every handshake worked these out itself.
     */
    HandshakeDefaults handshakeDefaults() throws GskException {
        HandshakeDefaults d = handshakeDefaults;
        if (d == null) {
            d = HandshakeDefaults.of(values); // two sessions may both make them: the same values, one kept
            handshakeDefaults = d;
        }
        return d;
    }

    /** What each session's full handshake found about its peer's chain, for the session when it resumes. */
    public FirstVerdicts firstVerdicts() {
        return firstVerdicts;
    }

    /** Fetches CRLs from distribution points (GSK4J_CRL_DP_ENABLE), or null when off. */
    public CrlFetcher crlFetcher() {
        return crlFetcher;
    }

    /** The validation profile of sessions that do not set GSK4J_VALIDATION_PROFILE (see ProfileChoice). */
    public ValidationPolicy.Profile defaultProfile() {
        return defaultProfile;
    }

    /** Reads the store and builds the context: what gsk_environment_init does. */
    public static EnvironmentSnapshot initialise(AttributeValues values, StoreLocations locations) throws GskException {
        if (values.kind() != HandleKind.ENVIRONMENT) {
            throw new IllegalArgumentException("an environment snapshot needs environment attributes");
        }
        // malformed cipher lists are refused here, before any file is touched
        CipherLists.resolve(values, ProtocolSwitches.enabled(values));
        SignatureAlgorithms.fromAttributes(values);
        List<X509CRL> crls = new ArrayList<>(CrlFiles.load(values.buffer(BufferAttribute.GSK4J_CRL_FILES).orElse(null)));
        StoreRequest request = storeRequest(values, locations);
        KeyMaterial material;
        try {
            material = StoreLoader.load(request);
        } finally {
            if (request.password() != null) {
                Arrays.fill(request.password(), '\0'); // the store is open: this copy is done
            }
        }
        crls.addAll(CrlFiles.inStore(material.source()));
        EngineBindings bindings = new EngineBindings();
        try {
            // SunJSSE unless GSK4J_TLS_ENGINE or gsk4j.engine asks for another engine that loads (TlsEngines)
            TlsEngines.Opened engines = TlsEngines.open(values, new TlsEngineSettings(new GskKeyManager(bindings),
                    new GskTrustManager(bindings, material.trustedCertificates()),
                    values.number(NumericAttribute.GSK_V3_SESSION_TIMEOUT)));
            OcspChecker ocsp = OcspConfig.checker(values).orElse(null);
            return new EnvironmentSnapshot(values.freeze(), locations, material, crls, bindings, engines, ocsp);
        } catch (GeneralSecurityException e) {
            throw new GskException(GskStatus.GSK_INTERNAL_ERROR, "the JDK's TLS context could not be created", e);
        }
    }

    /** The store request these attribute values describe; the caller owns (and clears) the password. */
    public static StoreRequest storeRequest(AttributeValues values, StoreLocations locations) {
        char[] password = values.keyringPassword();
        return new StoreRequest(
                values.buffer(BufferAttribute.GSK_KEYRING_FILE).orElse(null),
                password,
                values.buffer(BufferAttribute.GSK_KEYRING_STASH_FILE).orElse(null),
                values.buffer(BufferAttribute.GSK_KEYRING_LABEL).orElse(null),
                values.buffer(BufferAttribute.GSK_IBMI_APPLICATION_ID).orElse(null),
                locations);
    }

    /** Whether a session's own store settings differ from the environment's. */
    public boolean sameStore(AttributeValues session) {
        for (BufferAttribute id : new BufferAttribute[] {BufferAttribute.GSK_KEYRING_FILE, BufferAttribute.GSK_KEYRING_PW,
                BufferAttribute.GSK_KEYRING_STASH_FILE, BufferAttribute.GSK_KEYRING_LABEL}) {
            if (!values.sameBuffer(id, session)) {
                return false;
            }
        }
        return true;
    }

    /** Loads a session's own store selection (clearing the password copy afterwards). */
    public KeyMaterial loadForSession(AttributeValues session) throws GskException {
        StoreRequest request = storeRequest(session, locations);
        // an application ID belongs to the environment: a session changes only file, label, password
        request = new StoreRequest(request.keyringFile(), request.password(), request.stashFile(), request.label(),
                values.buffer(BufferAttribute.GSK_IBMI_APPLICATION_ID).orElse(null), locations);
        try {
            return StoreLoader.load(request);
        } finally {
            if (request.password() != null) {
                Arrays.fill(request.password(), '\0');
            }
        }
    }

    public AttributeValues values() {
        return values;
    }

    public KeyMaterial keyMaterial() {
        return keyMaterial;
    }

    public ChainValidator validator() {
        return validator;
    }

    public EngineBindings bindings() {
        return bindings;
    }

    /** Makes the engines of this environment's sessions (SunJSSE's, or the engine GSK4J_TLS_ENGINE chose). */
    public TlsEngineSource engines() {
        return engines.source();
    }

    /** The engine in use and, after a fallback, why it is not the one asked for. */
    public TlsEngine engine() {
        return engines.report();
    }

    /** The environment's OCSP checker (its cache is shared by all sessions), or null when OCSP is off. */
    public OcspChecker ocsp() {
        return ocsp;
    }
}
