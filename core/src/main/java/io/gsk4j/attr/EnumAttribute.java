package io.gsk4j.attr;

import static io.gsk4j.attr.EnumValue.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GSK_ENUM_ID: IDs for gsk_attribute_set_enum / gsk_attribute_get_enum (spec/attributes.md
 * section 3.1), including the IDs the header only has commented out, so they can be
 * rejected consistently. "HDR" marks numbers seen only in the header transcription.
 *
 * <p>Protocol defaults deliberately differ from IBM i 7.2, which turns TLS 1.0/1.1 on:
 * the JDK disables both by default (jdk.tls.disabledAlgorithms), so we start with them off
 * and only TLS 1.2/1.3 on.
 *
 * <p>Any protocol switch may be set to any of its values, as on IBM i: the set returns
 * GSK_OK and the get reads the value back even when the JDK's security policy disables the
 * protocol (QSSLPCL's role on IBM i). Such a protocol is simply never negotiated; a handshake
 * left with none fails with GSK_ERROR_NO_CIPHERS, and a peer that speaks only a disabled
 * protocol with GSK_ERROR_UNSUPPORTED. {@code Environment#protocolsDisabledByPlatform()} says
 * which switched-on protocols this is true of.
 */
public enum EnumAttribute implements Attribute {

    GSK_CLIENT_AUTH_TYPE(401, Scope.BOTH, true, GSK_CLIENT_AUTH_FULL,
            GSK_CLIENT_AUTH_FULL, GSK_CLIENT_AUTH_PASSTHRU, GSK_IBMI_CLIENT_AUTH_REQUIRED),
    GSK_SESSION_TYPE(402, Scope.BOTH, true, GSK_CLIENT_SESSION,
            GSK_CLIENT_SESSION, GSK_SERVER_SESSION, GSK_SERVER_SESSION_WITH_CL_AUTH,
            GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL), // HDR
    GSK_PROTOCOL_SSLV2(403, Scope.BOTH, true, GSK_PROTOCOL_SSLV2_OFF,
            GSK_PROTOCOL_SSLV2_ON, GSK_PROTOCOL_SSLV2_OFF), // HDR
    GSK_PROTOCOL_SSLV3(404, Scope.BOTH, true, GSK_PROTOCOL_SSLV3_OFF,
            GSK_PROTOCOL_SSLV3_ON, GSK_PROTOCOL_SSLV3_OFF), // HDR
    GSK_PROTOCOL_USED(405, true,
            GSK_PROTOCOL_USED_SSLV2, GSK_PROTOCOL_USED_SSLV3, GSK_PROTOCOL_USED_TLSV1,
            GSK_PROTOCOL_USED_TLSV11, GSK_PROTOCOL_USED_TLSV12, GSK_PROTOCOL_USED_TLSV13), // HDR
    GSK_SID_FIRST(406, true, GSK_SID_IS_FIRST, GSK_SID_NOT_FIRST), // HDR
    // since 7.1 TR6 the master switch for TLS 1.x; the per-version IDs below refine it
    GSK_PROTOCOL_TLSV1(407, Scope.BOTH, true, GSK_PROTOCOL_TLSV1_ON,
            GSK_PROTOCOL_TLSV1_ON, GSK_PROTOCOL_TLSV1_OFF),
    GSK_ACCELERATOR_RAINBOW_CS(408, false), // HDR, hdr-only
    GSK_ACCELERATOR_NCIPHER_NF(409, false), // HDR, hdr-only
    GSK_SERVER_AUTH_TYPE(410, Scope.BOTH, true, GSK_SERVER_AUTH_FULL,
            GSK_SERVER_AUTH_FULL, GSK_SERVER_AUTH_PASSTHRU, GSK_IBMI_SERVER_AUTH_REQUIRED),
    GSK_ENVIRONMENT_CLOSE_OPTIONS(411, Scope.ENVIRONMENT, true, GSK_NORMAL_ENVIRONMENT_CLOSE,
            GSK_DELAYED_ENVIRONMENT_CLOSE, GSK_NORMAL_ENVIRONMENT_CLOSE),
    // on/off pairs have no GSK_FALSE, so their "off" value stands in as the default
    GSK_LDAP_REQUIRED_AT_INIT(412, Scope.BOTH, false, GSK_INIT_CRL_LDAP_REQUIRED_OFF,
            GSK_INIT_CRL_LDAP_REQUIRED_ON, GSK_INIT_CRL_LDAP_REQUIRED_OFF), // HDR, hdr-only
    GSK_AES_SUPPORT(413, Scope.BOTH, false, GSK_AES_SUPPORT_OFF,
            GSK_AES_SUPPORT_ON, GSK_AES_SUPPORT_OFF), // HDR, hdr-only
    GSK_T61_AS_LATIN1(414, false), // HDR, hdr-only
    GSK_FIPS_MODE_PROCESSING(415, false), // HDR, hdr-only
    GSK_BASE_CRYPTO_LIBRARY(416, false), // HDR, hdr-only
    GSK_PKCS11_ACCELERATOR_MODE(417, false), // HDR, hdr-only
    GSK_CC_MODE_CONTROL(418, false), // HDR, hdr-only
    GSK_RESTRICTED_PROCESSING_OPTION(419, false), // HDR, hdr-only
    GSK_SSL_FIPS_MODE_PROCESSING(420, false), // HDR, hdr-only
    GSK_ICC_FIPS_MODE_PROCESSING(421, false), // HDR, hdr-only
    GSK_PKIX_CERT_VALIDATION_MODE(422, false), // HDR, hdr-only
    GSK_ALLOW_UNAUTHENTICATED_RESUME(423, Scope.BOTH, false, GSK_ALLOW_UNAUTHENTICATED_RESUME_OFF,
            GSK_ALLOW_UNAUTHENTICATED_RESUME_ON, GSK_ALLOW_UNAUTHENTICATED_RESUME_OFF), // HDR
    GSK_USE_SOC_MUTEX(424, false), // HDR, hdr-only
    GSK_USE_SESSION_PROTECTION_IO(425, false), // HDR, hdr-only
    GSK_OCSP_ENABLE(426, Scope.ENVIRONMENT, true, false), // HDR
    GSK_OCSP_NONCE_CHECK_ENABLE(427, Scope.ENVIRONMENT, true, false), // HDR
    GSK_OCSP_NONCE_GENERATION_ENABLE(428, Scope.ENVIRONMENT, true, false), // HDR
    GSK_URI_CDP_DISABLE(429, false), // HDR, hdr-only
    GSK_VALIDATE_EXTENDEDKEYUSAGE_ENABLE(430, false), // HDR, hdr-only
    GSK_PKCS11_ONLY_TRUSTED(431, false), // HDR, hdr-only
    GSK_ALLOW_NONCRITICALBASICCONSTRAINT(432, false), // HDR, hdr-only
    GSK_NIST_DES_FIPS_DEPRECATION(433, false), // HDR, hdr-only
    GSK_PKCS11_RSAPADDING_PROTECTION_ENABLE(434, false), // HDR, hdr-only
    GSK_OCSP_RETRIEVE_VIA_GET(435, Scope.ENVIRONMENT, true, false), // HDR
    GSK_PROTOCOL_TLSV10(436, Scope.BOTH, true, false), // JDK default: off; 'on' is recorded, negotiated only where allowed
    GSK_PROTOCOL_TLSV11(437, Scope.BOTH, true, false), // JDK default: off; 'on' is recorded, negotiated only where allowed
    GSK_PROTOCOL_TLSV12(438, Scope.BOTH, true, true),
    GSK_SSLV2HELLO_ENABLE(439, false), // HDR, hdr-only
    GSK_SSL_EXTN_CERTSTATUSREQ_ENABLE(440, false), // HDR, hdr-only
    GSK_BINARY_DN_MATCHING_ENABLE(441, false), // HDR, hdr-only
    GSK_NO_RENEGOTIATION(442, Scope.BOTH, false, false), // HDR
    GSK_ALLOW_ABBREVIATED_RENEGOTIATION(443, false), // HDR, hdr-only
    GSK_DEFLATE_ENABLE(444, false), // HDR, hdr-only
    GSK_DEFLATE_DISABLE(445, false), // HDR, hdr-only
    GSK_ALLOW_ANY_RENEGOTIATION(446, false), // HDR, hdr-only
    GSK_ALLOW_ONLY_EXTENDED_RENEGOTIATION(447, false), // HDR, hdr-only
    GSK_EXTENDED_RENEGOTIATION_INDICATION_ENABLE(448, false), // HDR, hdr-only
    GSK_EXTENDED_RENEGOTIATION_INDICATION_SCSV(449, false), // HDR, hdr-only
    GSK_EXTENDED_RENEGOTIATION_INDICATION_RIEXT(450, false), // HDR, hdr-only
    GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT(451, Scope.BOTH, true, false),
    GSK_EXTENDED_RENEGOTIATION_CRITICAL_SERVER(452, Scope.BOTH, true, false),
    GSK_RENEGOTIATION_PEER_IDENTITY_CHECK(453, false), // HDR, hdr-only
    GSK_SSL_SUITEB_MODE_PROCESSING(454, false), // HDR, hdr-only
    GSK_SSL_SUITEB_128BIT_MODE_PROCESSING(455, false), // HDR, hdr-only
    GSK_SSL_SUITEB_192BIT_MODE_PROCESSING(456, false), // HDR, hdr-only
    GSK_CERTREQ_DNLIST_ENABLE(457, Scope.BOTH, false, true), // HDR; default TRUE assumed
    GSK_CRYPTOTEST_ENABLE(458, false), // HDR, hdr-only
    GSK_MSCNG_ENABLE(459, false), // HDR, hdr-only
    GSK_MSCNG_SMARTCARD_SELECT(460, false), // HDR, hdr-only
    GSK_MSCAPI_ENABLE(461, false), // HDR, hdr-only
    GSK_PROTOCOL_TLSV13(4030, Scope.BOTH, true, true),
    // gsk4j's own: how strictly a peer's chain is judged (docs/VALIDATION.md)
    GSK4J_VALIDATION_PROFILE(9001, Scope.BOTH, true, EnumValue.GSK4J_VALIDATION_PROFILE_RFC5280,
            EnumValue.GSK4J_VALIDATION_PROFILE_STRICT, EnumValue.GSK4J_VALIDATION_PROFILE_RFC5280,
            EnumValue.GSK4J_VALIDATION_PROFILE_JDK),
    // gsk4j's own: fetch the CRLs a chain's certificates name in their CRL distribution points
    // (http:// only, over the OCSP transport settings; docs/VALIDATION.md)
    GSK4J_CRL_DP_ENABLE(9005, Scope.ENVIRONMENT, true, false),
    // gsk4j's own: the TLS engine the environment's sessions run on; unset, the system property
    // gsk4j.engine decides. After init the get returns the engine in use (JSSE after a fallback;
    // Environment#engine() says why). docs/ARCHITECTURE.md, "TLS engines"
    GSK4J_TLS_ENGINE(9006, Scope.ENVIRONMENT, true, EnumValue.GSK4J_TLS_ENGINE_JSSE,
            EnumValue.GSK4J_TLS_ENGINE_JSSE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL),
    // gsk4j's own: when a blocking program's socket is made non-blocking for gsk4j's transfers.
    // PER_CALL (the default) hands it back blocking after every call; PER_SESSION keeps it
    // non-blocking from the session's first transfer until gsk_secure_soc_close (faster; the
    // program must then not use the socket itself meanwhile). Unset, the system property
    // gsk4j.modeSwitch (call | session) decides. docs/ROBUSTNESS.md, "The blocking mode"
    GSK4J_BLOCKING_MODE_SWITCH(9007, Scope.BOTH, true, EnumValue.GSK4J_MODE_SWITCH_PER_CALL,
            EnumValue.GSK4J_MODE_SWITCH_PER_CALL, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);

    private static final Tables.Lookup<EnumAttribute> LOOKUP = new Tables.Lookup<>(values());

    private final AttributeRow row;
    private final EnumValue defaultValue;
    private final Set<EnumValue> allowed;

    /** Settable ID with an explicit value list. */
    EnumAttribute(int id, Scope scope, boolean supported, EnumValue defaultValue, EnumValue... allowed) {
        this(id, scope, Access.READ_WRITE, supported, defaultValue, allowed);
    }

    /** Settable GSK_TRUE/GSK_FALSE switch. */
    EnumAttribute(int id, Scope scope, boolean supported, boolean defaultOn) {
        this(id, scope, supported, defaultOn ? GSK_TRUE : GSK_FALSE, GSK_TRUE, GSK_FALSE);
    }

    /** Header-only ID: an unsupported TRUE/FALSE switch, default FALSE. */
    EnumAttribute(int id, boolean supported) {
        this(id, Scope.BOTH, supported, false);
    }

    /** Getter-only session fact: no default, the handshake fills it in. */
    EnumAttribute(int id, boolean supported, EnumValue... reported) {
        this(id, Scope.SESSION, Access.READ_ONLY, supported, null, reported);
    }

    EnumAttribute(int id, Scope scope, Access access, boolean supported,
                  EnumValue defaultValue, EnumValue[] allowed) {
        this.row = new AttributeRow(id, scope, access, supported, List.of(name()));
        this.defaultValue = defaultValue;
        this.allowed = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(allowed)));
    }

    @Override
    public AttributeRow row() {
        return row;
    }

    /** Values the setter accepts (for getter-only IDs: the values the getter can report). */
    public Set<EnumValue> allowedValues() {
        return allowed;
    }

    /** Whether {@code v} is one of the values this attribute takes. */
    public boolean accepts(EnumValue v) {
        return v != null && allowed.contains(v);
    }

    /** Initial value after gsk_environment_open; null for getter-only IDs. */
    public EnumValue defaultValue() {
        return defaultValue;
    }

    /** The attribute with this GSK_ENUM_ID number, if any. */
    public static Optional<EnumAttribute> fromId(int id) {
        return LOOKUP.id(id);
    }

    /** The attribute with this name (aliases included), if any. */
    public static Optional<EnumAttribute> fromName(String name) {
        return LOOKUP.name(name);
    }
}
