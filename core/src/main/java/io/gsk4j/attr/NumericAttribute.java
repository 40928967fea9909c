package io.gsk4j.attr;

import java.util.List;
import java.util.Optional;

/**
 * GSK_NUM_ID: IDs for gsk_attribute_set_numeric_value / get_numeric_value
 * (spec/attributes.md section 2). "HDR" marks numbers seen only in the header transcription.
 */
public enum NumericAttribute implements Attribute {

    // -1 is "no socket yet"; it is only the initial value, setters need a real descriptor
    GSK_FD(300, Scope.SESSION, Access.READ_WRITE, true, 0, Integer.MAX_VALUE, -1),
    GSK_V2_SESSION_TIMEOUT(301, Scope.ENVIRONMENT, Access.READ_WRITE, true, 0, 100, 100),
    GSK_V3_SESSION_TIMEOUT(302, Scope.ENVIRONMENT, Access.READ_WRITE, true, 0, 86400, 86400),
    GSK_LDAP_SERVER_PORT(303, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    GSK_V2_SIDCACHE_SIZE(304, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    GSK_V3_SIDCACHE_SIZE(305, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    GSK_LDAP_SERVER_INDEX(306, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    GSK_LDAP_FAILOVER_RECONNECTION_PERIOD(307, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR
    GSK_CRL_CACHE_ENTRY_LIFETIME(308, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR
    GSK_CRL_CACHE_SIZE(309, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    // getter-only: any int the engine stores is fine, callers never set it
    GSK_LAST_VALIDATION_ERROR(311, Scope.SESSION, Access.READ_ONLY, true, Integer.MIN_VALUE, Integer.MAX_VALUE, 0), // HDR
    GSK_OCSP_PROXY_SERVER_PORT(312, Scope.ENVIRONMENT, Access.READ_WRITE, true, 0, 65535, 0), // HDR; 0 = port 80
    GSK_OCSP_REQUEST_SIGALG(313, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR, hdr-only
    GSK_OCSP_MAX_RESPONSE_SIZE(315, Scope.ENVIRONMENT, Access.READ_WRITE, true, 1, Integer.MAX_VALUE, 20480),
    // gsk4j's choices where IBM gives no default: 10 s (0 also means 10 s: OCSP never waits unbounded),
    // an 8-byte nonce, 256 cached answers
    GSK_OCSP_TIMEOUT(318, Scope.ENVIRONMENT, Access.READ_WRITE, true, 0, Integer.MAX_VALUE, 10),
    GSK_SSL_EXTN_MAXFRAGMENT_SIZE(321, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR
    GSK_OCSP_NONCE_SIZE(324, Scope.ENVIRONMENT, Access.READ_WRITE, true, 1, 32, 8), // HDR
    GSK_OCSP_CLIENT_CACHE_SIZE(326, Scope.ENVIRONMENT, Access.READ_WRITE, true, 0, Integer.MAX_VALUE, 256), // HDR
    GSK_TLS_CBCPROTECTION_METHOD(329, Scope.BOTH, Access.READ_WRITE, false, 0, Integer.MAX_VALUE, 0), // HDR
    // milliseconds, 0 = wait forever
    GSK_IBMI_READ_TIMEOUT(6993, Scope.BOTH, Access.READ_WRITE, true, 0, Integer.MAX_VALUE, 0,
            "GSK_OS400_READ_TIMEOUT"),
    GSK_CERTIFICATE_VALIDATION_CODE(6996, Scope.SESSION, Access.READ_ONLY, true,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
    // seconds, 0 = wait forever
    GSK_HANDSHAKE_TIMEOUT(6998, Scope.BOTH, Access.READ_WRITE, true, 0, Integer.MAX_VALUE, 0),
    // gsk4j's own: the most certificates below the trust anchor a peer's chain may hold
    GSK4J_MAX_CHAIN_DEPTH(9002, Scope.BOTH, Access.READ_WRITE, true, 1, 32, 10);

    private static final Tables.Lookup<NumericAttribute> LOOKUP = new Tables.Lookup<>(values());

    private final AttributeRow row;
    private final int min;
    private final int max;
    private final int defaultValue;

    NumericAttribute(int id, Scope scope, Access access, boolean supported,
                     int min, int max, int defaultValue, String... aliases) {
        this.row = new AttributeRow(id, scope, access, supported, Tables.names(name(), aliases));
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    @Override
    public AttributeRow row() {
        return row;
    }

    /** Smallest value a setter accepts. */
    public int min() {
        return min;
    }

    /** Largest value a setter accepts. */
    public int max() {
        return max;
    }

    /** Range check for the setter. */
    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** Value a fresh environment (and so a fresh session) starts with. */
    public int defaultValue() {
        return defaultValue;
    }

    public static Optional<NumericAttribute> fromId(int id) {
        return LOOKUP.id(id);
    }

    /** Looks up a primary name or an alias. */
    public static Optional<NumericAttribute> fromName(String name) {
        return LOOKUP.name(name);
    }
}
