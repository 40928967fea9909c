package io.gsk4j.attr;

import java.util.List;
import java.util.Optional;

/**
 * GSK_BUF_ID: IDs for gsk_attribute_set_buffer / gsk_attribute_get_buffer
 * (spec/attributes.md section 1). "HDR" marks numbers seen only in the header transcription.
 */
public enum BufferAttribute implements Attribute {

    GSK_USER_DATA(200, Scope.BOTH, Access.READ_WRITE, false, Len.DEFAULT), // HDR, hdr-only
    GSK_KEYRING_FILE(201, Scope.BOTH, Access.READ_WRITE, true, Len.PATH),
    GSK_KEYRING_PW(202, Scope.BOTH, Access.READ_WRITE, true, Len.PASSWORD),
    GSK_KEYRING_LABEL(203, Scope.BOTH, Access.READ_WRITE, true, Len.LABEL),
    GSK_KEYRING_STASH_FILE(204, Scope.BOTH, Access.READ_WRITE, true, Len.PATH), // HDR; we honour stash files
    // SSLv2 cannot be honoured by the JDK engine
    GSK_V2_CIPHER_SPECS(205, Scope.BOTH, Access.READ_WRITE, false, Len.CIPHERS), // HDR
    GSK_V3_CIPHER_SPECS(206, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS), // HDR + curl
    GSK_CONNECT_CIPHER_SPEC(207, Scope.SESSION, Access.READ_ONLY, true, Len.CIPHERS), // HDR
    GSK_CONNECT_SEC_TYPE(208, Scope.SESSION, Access.READ_ONLY, true, Len.DEFAULT), // HDR
    GSK_LDAP_SERVER(209, Scope.BOTH, Access.READ_WRITE, false, Len.DEFAULT), // HDR, hdr-only
    GSK_LDAP_USER(210, Scope.BOTH, Access.READ_WRITE, false, Len.DEFAULT), // HDR, hdr-only
    GSK_LDAP_USER_PW(211, Scope.BOTH, Access.READ_WRITE, false, Len.PASSWORD), // HDR, hdr-only
    GSK_SID_VALUE(212, Scope.SESSION, Access.READ_ONLY, true, Len.DEFAULT), // HDR
    GSK_PKCS11_DRIVER_PATH(213, Scope.BOTH, Access.READ_WRITE, false, Len.PATH), // HDR, hdr-only
    GSK_PKCS11_TOKEN_LABEL(214, Scope.BOTH, Access.READ_WRITE, false, Len.LABEL), // HDR, hdr-only
    GSK_PKCS11_TOKEN_PWD(215, Scope.BOTH, Access.READ_WRITE, false, Len.PASSWORD), // HDR, hdr-only
    GSK_CSP_NAME(216, Scope.BOTH, Access.READ_WRITE, false, Len.DEFAULT), // HDR, hdr-only
    GSK_OCSP_URL(221, Scope.ENVIRONMENT, Access.READ_WRITE, true, Len.PATH), // HDR; IBM documents it for the environment
    GSK_OCSP_REQUEST_SIGKEYLABEL(222, Scope.BOTH, Access.READ_WRITE, false, Len.LABEL), // HDR, hdr-only
    GSK_OCSP_PROXY_SERVER_NAME(223, Scope.ENVIRONMENT, Access.READ_WRITE, true, Len.HOST), // HDR
    // the spec lists 224/235/247/252 as getter-only: informational, so session-scoped like the other getters
    GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT(224, Scope.SESSION, Access.READ_ONLY, true, Len.DEFAULT), // HDR
    GSK_SSL_EXTN_SERVERNAME_REQUEST(230, Scope.BOTH, Access.READ_WRITE, true, Len.HOST), // HDR + curl
    GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST(231, Scope.BOTH, Access.READ_WRITE, false, Len.HOST), // HDR
    GSK_SSL_EXTN_SERVERNAME_LIST(232, Scope.BOTH, Access.READ_WRITE, true, Len.LIST), // HDR
    GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST(233, Scope.BOTH, Access.READ_WRITE, true, Len.LIST), // HDR
    // the SNI name the server received / the client sent (meaning unverified on IBM i)
    GSK_SSL_EXTN_SERVERNAME(234, Scope.SESSION, Access.READ_ONLY, true, Len.HOST), // HDR
    GSK_VALIDATIONFAIL_SUBJECT(235, Scope.SESSION, Access.READ_ONLY, false, Len.DEFAULT), // HDR
    GSK_TLSV10_CIPHER_SPECS(236, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS,
            "GSK_TLSV0_CIPHER_SPECS"), // HDR + curl
    GSK_TLSV11_CIPHER_SPECS(237, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS,
            "GSK_TLSV1_CIPHER_SPECS"), // HDR + curl
    GSK_TLSV12_CIPHER_SPECS(238, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS,
            "GSK_TLSV2_CIPHER_SPECS"),
    GSK_V3_CIPHER_SPECS_EX(240, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS), // HDR
    GSK_TLSV10_CIPHER_SPECS_EX(241, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS), // HDR
    GSK_TLSV11_CIPHER_SPECS_EX(242, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS), // HDR
    GSK_TLSV12_CIPHER_SPECS_EX(243, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS),
    GSK_CONNECT_CIPHER_SPEC_EX(244, Scope.SESSION, Access.READ_ONLY, true, Len.CIPHERS), // HDR
    GSK_SSL_EXTN_SIGALG(245, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS), // HDR
    GSK_CONNECT_COMPRESSION(247, Scope.SESSION, Access.READ_ONLY, false, Len.DEFAULT), // HDR
    GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT_NOAIA(252, Scope.SESSION, Access.READ_ONLY, false, Len.DEFAULT), // HDR
    GSK_KEYRING_LABEL_EX(254, Scope.BOTH, Access.READ_WRITE, false, Len.LIST),
    GSK_TLSV13_CIPHER_SPECS_EX(2008, Scope.BOTH, Access.READ_WRITE, true, Len.CIPHERS),
    GSK_IBMI_APPLICATION_ID(6999, Scope.ENVIRONMENT, Access.READ_WRITE, true, Len.APP_ID,
            "GSK_OS400_APPLICATION_ID"),
    // gsk4j's own (9000-9099, outside IBM's ranges): the host name the peer's certificate must name
    // (a DNS name or an IP literal; empty = no check, as GSKit leaves host names to the application)
    GSK4J_EXPECTED_HOSTNAME(9003, Scope.BOTH, Access.READ_WRITE, true, Len.HOST),
    // gsk4j's own: files of certificate revocation lists (PEM or DER) every chain is checked
    // against, separated by the platform's path separator (docs/VALIDATION.md)
    GSK4J_CRL_FILES(9004, Scope.ENVIRONMENT, Access.READ_WRITE, true, Len.LIST);

    /** Setter limits in bytes; generous, they only stop absurd input. */
    private static final class Len {
        /** IFS path names; IBM i allows longer, but real key-store paths are short. */
        static final int PATH = 1024;
        /** Key-store passwords: GSKit/CMS passwords are short. */
        static final int PASSWORD = 128;
        /** Certificate labels are free text in DCM, so leave room. */
        static final int LABEL = 1024;
        /** DNS host names are at most 255 octets (RFC 1035), the SNI limit too. */
        static final int HOST = 255;
        /** Comma lists of names (cipher suites, SNI hosts, labels); all ~40 TLS 1.2 suites fit. */
        static final int CIPHERS = 4096;
        static final int LIST = 4096;
        /** DCM application IDs are short identifiers (QIBM_..._APP). */
        static final int APP_ID = 255;
        static final int DEFAULT = 1024;
    }

    private static final Tables.Lookup<BufferAttribute> LOOKUP = new Tables.Lookup<>(values());

    private final AttributeRow row;
    private final int maxLength;

    BufferAttribute(int id, Scope scope, Access access, boolean supported, int maxLength, String... aliases) {
        this.row = new AttributeRow(id, scope, access, supported, Tables.names(name(), aliases));
        this.maxLength = maxLength;
    }

    @Override
    public AttributeRow row() {
        return row;
    }

    /** Longest value a setter accepts, in bytes. */
    public int maxLength() {
        return maxLength;
    }

    public static Optional<BufferAttribute> fromId(int id) {
        return LOOKUP.id(id);
    }

    /** Looks up a primary name or an alias. */
    public static Optional<BufferAttribute> fromName(String name) {
        return LOOKUP.name(name);
    }
}
