package io.gsk4j.attr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GSK_ENUM_VALUE numbers (spec/attributes.md section 3.2) plus the two
 * validation-callback enums VALIDATE_REQUIRED and CERT_NEEDED (section 4.2).
 * All codes share one number space, so a single table with unique codes works.
 */
public enum EnumValue {

    GSK_FALSE(0),
    GSK_TRUE(1),
    GSK_NULL(500), // HDR
    GSK_CLIENT_AUTH_FULL(503),
    GSK_CLIENT_AUTH_PASSTHRU(505),
    GSK_CLIENT_SESSION(507), // HDR
    GSK_SERVER_SESSION(508), // HDR
    GSK_SERVER_SESSION_WITH_CL_AUTH(509), // HDR
    GSK_PROTOCOL_SSLV2_ON(510), // HDR
    GSK_PROTOCOL_SSLV2_OFF(511), // HDR
    GSK_PROTOCOL_SSLV3_ON(512), // HDR
    GSK_PROTOCOL_SSLV3_OFF(513), // HDR
    GSK_PROTOCOL_USED_SSLV2(514), // HDR
    GSK_PROTOCOL_USED_SSLV3(515), // HDR
    GSK_SID_IS_FIRST(516), // HDR
    GSK_SID_NOT_FIRST(517), // HDR
    GSK_PROTOCOL_TLSV1_ON(518),
    GSK_PROTOCOL_TLSV1_OFF(519),
    GSK_PROTOCOL_USED_TLSV1(520), // HDR; means TLS 1.0
    GSK_SERVER_AUTH_FULL(534), // HDR
    GSK_SERVER_AUTH_PASSTHRU(535), // HDR
    GSK_DELAYED_ENVIRONMENT_CLOSE(536),
    GSK_NORMAL_ENVIRONMENT_CLOSE(537),
    GSK_INIT_CRL_LDAP_REQUIRED_ON(538), // HDR, hdr-only
    GSK_INIT_CRL_LDAP_REQUIRED_OFF(539), // HDR, hdr-only
    GSK_AES_SUPPORT_ON(540), // HDR, hdr-only
    GSK_AES_SUPPORT_OFF(541), // HDR, hdr-only
    GSK_ALLOW_UNAUTHENTICATED_RESUME_ON(588), // HDR
    GSK_ALLOW_UNAUTHENTICATED_RESUME_OFF(589), // HDR
    GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL(594), // HDR
    GSK_PROTOCOL_USED_TLSV11(595), // HDR
    GSK_PROTOCOL_USED_TLSV12(596), // HDR
    GSK_PROTOCOL_USED_TLSV13(5000), // HDR only, unverified against an IBM page
    GSK_IBMI_SERVER_AUTH_REQUIRED(6994, "GSK_OS400_SERVER_AUTH_REQUIRED"), // HDR only
    GSK_IBMI_CLIENT_AUTH_REQUIRED(6995, "GSK_OS400_CLIENT_AUTH_REQUIRED"), // HDR

    // validationCallBack.validateRequired
    GSK_NO_VALIDATION(900),
    GSK_VALIDATION_REQUIRED(901),
    // validationCallBack.certificateNeeded
    GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL(950),
    GSK_COMPLETED_CERTIFICATE_CHAIN(951),
    GSK_END_ENTITY_CERTIFICATE(952),
    // gsk4j's own: GSK4J_VALIDATION_PROFILE
    GSK4J_VALIDATION_PROFILE_STRICT(9101),
    GSK4J_VALIDATION_PROFILE_RFC5280(9102),
    GSK4J_VALIDATION_PROFILE_JDK(9103),
    // gsk4j's own: GSK4J_TLS_ENGINE
    GSK4J_TLS_ENGINE_JSSE(9104),
    GSK4J_TLS_ENGINE_BORINGSSL(9105),
    // gsk4j's own: GSK4J_BLOCKING_MODE_SWITCH
    GSK4J_MODE_SWITCH_PER_CALL(9106),
    GSK4J_MODE_SWITCH_PER_SESSION(9107);

    private static final Map<Integer, EnumValue> BY_CODE = Tables.byId(values(), EnumValue::code);
    private static final Map<String, EnumValue> BY_NAME = Tables.byName(values(), EnumValue::names);

    private final int code;
    private final List<String> names;

    EnumValue(int code, String... aliases) {
        this.code = code;
        this.names = Tables.names(name(), aliases);
    }

    /** The number the C API uses. */
    public int code() {
        return code;
    }

    /** Primary spelling first, then aliases. */
    public List<String> names() {
        return names;
    }

    /** The value with this GSK_ENUM_VALUE number, if any. */
    public static Optional<EnumValue> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Looks up a primary name or an alias. */
    public static Optional<EnumValue> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
