package io.gsk4j.internal;

import io.gsk4j.CertValidationCallback;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.Access;
import io.gsk4j.attr.Attribute;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.NumericAttribute;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attribute values of one environment or session, with GSKit's rules for setting them.
 *
 * <p>Only values that were set are stored; everything else reads as the table's default.
 * A session starts as a copy of its environment's values (IBM: the session inherits at open)
 * and its own settings then override them. Not thread-safe: the owner serialises access.
 */
public final class AttributeValues {
    private final HandleKind kind;
    private final Map<BufferAttribute, String> buffers;
    private final Map<NumericAttribute, Integer> numbers;
    private final Map<EnumAttribute, EnumValue> enums;
    private CertValidationCallback validationCallback;
    /** GSK_KEYRING_PW, kept apart from the other buffers: a char array shared, never copied (SharedPassword). */
    private SharedPassword password;

    public AttributeValues(HandleKind kind) {
        this.kind = kind;
        this.buffers = new EnumMap<>(BufferAttribute.class);
        this.numbers = new EnumMap<>(NumericAttribute.class);
        this.enums = new EnumMap<>(EnumAttribute.class);
    }

    private AttributeValues(HandleKind kind, AttributeValues from) {
        this.kind = kind;
        this.buffers = new EnumMap<>(from.buffers);
        this.numbers = new EnumMap<>(from.numbers);
        this.enums = new EnumMap<>(from.enums);
        this.validationCallback = from.validationCallback;
        this.password = from.password; // shared, not copied; holders are counted where handles open and close
    }

    /** The values a new session starts with: everything its environment had set. */
    public AttributeValues copyForSession() {
        AttributeValues copy = new AttributeValues(HandleKind.SESSION, this);
        // environment-only values (application ID) stay readable through the environment alone
        copy.buffers.keySet().removeIf(a -> !a.scope().allows(HandleKind.SESSION));
        copy.numbers.keySet().removeIf(a -> !a.scope().allows(HandleKind.SESSION));
        copy.enums.keySet().removeIf(a -> !a.scope().allows(HandleKind.SESSION));
        if (copy.password != null) {
            copy.password.retain(); // the session holds the environment's password until it is closed
        }
        return copy;
    }

    /** An immutable-by-convention snapshot taken when the handle is initialised. */
    public AttributeValues freeze() {
        return new AttributeValues(kind, this);
    }

    public HandleKind kind() {
        return kind;
    }

    // ---- setters: the checks run in IBM's order (ID, state, support, value) ----

    public void set(BufferAttribute id, String value, boolean initialised) throws GskException {
        checkSettable(id, initialised);
        if (value == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer for " + id.name());
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > id.maxLength() || value.indexOf('\0') >= 0) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH,
                    id.name() + " takes at most " + id.maxLength() + " bytes and no NUL");
        }
        if (id == BufferAttribute.GSK_KEYRING_PW) {
            SharedPassword before = password;
            password = new SharedPassword(value.toCharArray());
            if (before != null) {
                before.release(); // this handle no longer holds the old one
            }
            return;
        }
        buffers.put(id, value);
    }

    public void set(NumericAttribute id, int value, boolean initialised) throws GskException {
        checkSettable(id, initialised);
        if (!id.accepts(value)) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, value + " is out of range for " + id.name());
        }
        numbers.put(id, value);
    }

    public void set(EnumAttribute id, EnumValue value, boolean initialised) throws GskException {
        checkSettable(id, initialised);
        if (value == null || !id.accepts(value)) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION,
                    (value == null ? "no value" : value.names().get(0)) + " is not a value of " + id.name());
        }
        // a protocol switch is recorded even where the platform disables the protocol (ProtocolSwitches)
        if (isPassthru(id, value) && validationCallback != null && validationCallback.validationRequired()) {
            throw new GskException(GskStatus.GSK_CONFLICTING_VALIDATION_SETTING,
                    "PASSTHRU contradicts the registered GSK_CERT_VALIDATION_CALLBACK, which requires validation");
        }
        enums.put(id, value);
    }

    /**
     * Registers (or, with null, removes) the certificate validation callback. IBM refuses
     * GSK_VALIDATION_REQUIRED together with a PASSTHRU authentication type, whichever comes second.
     */
    public void setValidationCallback(CertValidationCallback callback, boolean initialised) throws GskException {
        if (initialised) {
            throw new GskException(GskStatus.GSK_INVALID_STATE,
                    "the callback cannot change after the " + kindName() + " is initialised");
        }
        if (callback != null && callback.validationRequired()
                && (isPassthru(EnumAttribute.GSK_SERVER_AUTH_TYPE, enumValue(EnumAttribute.GSK_SERVER_AUTH_TYPE))
                        || isPassthru(EnumAttribute.GSK_CLIENT_AUTH_TYPE, enumValue(EnumAttribute.GSK_CLIENT_AUTH_TYPE)))) {
            throw new GskException(GskStatus.GSK_CONFLICTING_VALIDATION_SETTING,
                    "GSK_VALIDATION_REQUIRED contradicts the PASSTHRU authentication type already set");
        }
        validationCallback = callback;
    }

    public Optional<CertValidationCallback> validationCallback() {
        return Optional.ofNullable(validationCallback);
    }

    private static boolean isPassthru(EnumAttribute id, EnumValue value) {
        return (id == EnumAttribute.GSK_SERVER_AUTH_TYPE && value == EnumValue.GSK_SERVER_AUTH_PASSTHRU)
                || (id == EnumAttribute.GSK_CLIENT_AUTH_TYPE && value == EnumValue.GSK_CLIENT_AUTH_PASSTHRU);
    }

    /** Values the library itself records on a session (negotiated results, validation codes). */
    public void record(NumericAttribute id, int value) {
        numbers.put(id, value);
    }

    public void record(EnumAttribute id, EnumValue value) {
        enums.put(id, value);
    }

    public void record(BufferAttribute id, String value) {
        if (id == BufferAttribute.GSK_KEYRING_PW) {
            throw new IllegalArgumentException("the library never records a password");
        }
        if (value == null) {
            buffers.remove(id);
        } else {
            buffers.put(id, value);
        }
    }

    private void checkSettable(Attribute id, boolean initialised) throws GskException {
        checkKnownHere(id);
        if (id.access() == Access.READ_ONLY) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_ID, id.name() + " can only be read");
        }
        if (initialised) {
            throw new GskException(GskStatus.GSK_INVALID_STATE,
                    id.name() + " cannot change after the " + kindName() + " is initialised");
        }
        checkSupported(id);
    }

    /** The checks a getter shares with the setters: the ID must belong to this kind of handle. */
    public void checkReadable(Attribute id) throws GskException {
        checkKnownHere(id);
        checkSupported(id);
    }

    private void checkKnownHere(Attribute id) throws GskException {
        if (id == null || !id.scope().allows(kind)) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_ID,
                    (id == null ? "no attribute" : id.name()) + " is not an attribute of a " + kindName());
        }
    }

    private static void checkSupported(Attribute id) throws GskException {
        if (!id.supported()) {
            throw new GskException(GskStatus.GSK_ERROR_UNSUPPORTED, id.name() + " is known but not supported by gsk4j");
        }
    }

    private String kindName() {
        return kind == HandleKind.ENVIRONMENT ? "environment" : "session";
    }

    // ---- getters ----

    /**
     * The value set, or empty when it was never set (buffers have no defaults). For
     * GSK_KEYRING_PW this makes a String: only gsk_attribute_get_buffer should ask for it.
     */
    public Optional<String> buffer(BufferAttribute id) {
        if (id == BufferAttribute.GSK_KEYRING_PW) {
            char[] copy = password == null ? null : password.copy();
            try {
                return copy == null ? Optional.empty() : Optional.of(new String(copy));
            } finally {
                if (copy != null) {
                    Arrays.fill(copy, '\0');
                }
            }
        }
        return Optional.ofNullable(buffers.get(id));
    }

    public boolean isSet(BufferAttribute id) {
        return id == BufferAttribute.GSK_KEYRING_PW ? password != null : buffers.containsKey(id);
    }

    /** GSK_KEYRING_PW as a copy the caller owns and clears, or null when none was set. */
    public char[] keyringPassword() {
        return password == null ? null : password.copy();
    }

    /** Whether this handle and {@code other} have the same value for {@code id} (neither set counts as the same). */
    public boolean sameBuffer(BufferAttribute id, AttributeValues other) {
        if (id == BufferAttribute.GSK_KEYRING_PW) {
            return password == null ? other.password == null : other.password != null && password.sameAs(other.password);
        }
        return java.util.Objects.equals(buffers.get(id), other.buffers.get(id));
    }

    /** The password holder itself (tests check that sessions share it rather than copy it). */
    SharedPassword passwordHolder() {
        return password;
    }

    /** The handle is closed: it no longer holds its password (the last holder zeroes it). */
    public void release() {
        if (password != null) {
            password.release();
        }
    }

    public int number(NumericAttribute id) {
        Integer value = numbers.get(id);
        return value != null ? value : id.defaultValue();
    }

    public EnumValue enumValue(EnumAttribute id) {
        EnumValue value = enums.get(id);
        return value != null ? value : id.defaultValue();
    }

    public boolean isSet(EnumAttribute id) {
        return enums.containsKey(id);
    }

    /** For a boolean switch: true when set to TRUE / ON. */
    public boolean isOn(EnumAttribute id) {
        EnumValue v = enumValue(id);
        return v == EnumValue.GSK_TRUE || v == EnumValue.GSK_PROTOCOL_TLSV1_ON
                || v == EnumValue.GSK_PROTOCOL_SSLV2_ON || v == EnumValue.GSK_PROTOCOL_SSLV3_ON;
    }

    @Override
    public String toString() {
        // never the values: a password is one of them
        return kindName() + " attributes " + buffers.keySet() + numbers.keySet() + enums.keySet();
    }
}
