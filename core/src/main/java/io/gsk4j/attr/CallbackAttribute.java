package io.gsk4j.attr;

import java.util.List;
import java.util.Map;
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

    private static final Map<Integer, CallbackAttribute> BY_ID = Tables.byId(values(), CallbackAttribute::id);
    private static final Map<String, CallbackAttribute> BY_NAME = Tables.byName(values(), CallbackAttribute::names);

    private final int id;
    private final boolean supported;
    private final List<String> names;

    CallbackAttribute(int id, boolean supported) {
        this.id = id;
        this.supported = supported;
        this.names = List.of(name());
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Scope scope() {
        return Scope.BOTH;
    }

    /** There is no callback getter, but every callback ID is settable. */
    @Override
    public Access access() {
        return Access.READ_WRITE;
    }

    @Override
    public boolean supported() {
        return supported;
    }

    public static Optional<CallbackAttribute> fromId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<CallbackAttribute> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
