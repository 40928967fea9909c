package io.gsk4j.internal;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import java.util.Locale;

/**
 * When a blocking program's socket is switched non-blocking for gsk4j's transfers:
 * GSK4J_BLOCKING_MODE_SWITCH when the program set it, else the system property
 * {@code gsk4j.modeSwitch} ({@code call} or {@code session}), else around every call.
 */
public final class ModeSwitch {
    /** The system property for programs that cannot set GSK4J_BLOCKING_MODE_SWITCH. */
    public static final String PROPERTY = "gsk4j.modeSwitch";

    private ModeSwitch() {
    }

    /** True when the socket stays non-blocking from the first transfer until the session closes. */
    public static boolean perSession(AttributeValues values) {
        if (values.isSet(EnumAttribute.GSK4J_BLOCKING_MODE_SWITCH)) {
            return values.enumValue(EnumAttribute.GSK4J_BLOCKING_MODE_SWITCH) == EnumValue.GSK4J_MODE_SWITCH_PER_SESSION;
        }
        String property = System.getProperty(PROPERTY);
        return property != null && "session".equals(property.trim().toLowerCase(Locale.ROOT));
    }
}
