package io.gsk4j.attr;

import java.util.List;
import java.util.Optional;

/** GSK_CALLBACK_ID: IDs for gsk_attribute_set_callback (spec/attributes.md section 4.1). */
public enum CallbackAttribute implements Attribute {

    // socket I/O, SID cache, client-cert and PKCS#11 hooks are other-platform features: the
    // JDK engine owns I/O and the session cache, so we cannot hand them to the application
    GSK_IO_CALLBACK(800, false), // HDR
    GSK_SID_CACHE_CALLBACK(801, false), // HDR
    GSK_CLIENT_CERT_CALLBACK(802, false), // HDR
    GSK_PKCS11_CALLBACK(803, false), // HDR
    GSK_ENVIRONMENT_CLOSE_CALLBACK(804, false),
    GSK_CERT_VALIDATION_CALLBACK(805, true),
    GSK_CIPHER_SESSION_RESET(807, false);

    private static final Tables.Lookup<CallbackAttribute> LOOKUP = new Tables.Lookup<>(values());

    private final AttributeRow row;

    CallbackAttribute(int id, boolean supported) {
        // there is no callback getter, but every callback ID is settable, on either handle
        this.row = new AttributeRow(id, Scope.BOTH, Access.READ_WRITE, supported, List.of(name()));
    }

    @Override
    public AttributeRow row() {
        return row;
    }

    public static Optional<CallbackAttribute> fromId(int id) {
        return LOOKUP.id(id);
    }

    public static Optional<CallbackAttribute> fromName(String name) {
        return LOOKUP.name(name);
    }
}
