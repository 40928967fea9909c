package io.gsk4j.internal;

import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.EnumAttribute;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * GSKit's protocol switches: one master switch for TLS 1.x ({@code GSK_PROTOCOL_TLSV1}),
 * per-version switches that inherit from it unless set, and the SSL switches.
 *
 * <p>The switches say what the program wants; the platform says what may be negotiated. On
 * IBM i the system value QSSLPCL plays the platform's part, here the JDK's security policy
 * ({@code jdk.tls.disabledAlgorithms}) does: setting a switch always succeeds and reads back
 * as set, and a protocol switched on but disabled by the platform is simply never offered
 * (curl sets TLS 1.0, 1.1 and 1.2 on every connection and gives up on any other answer).
 * A handshake left with no protocol fails as GSKit's does when nothing matches; it never
 * falls back to a protocol that was switched off.
 */
public final class ProtocolSwitches {
    private static final Map<EnumAttribute, TlsProtocol> PER_VERSION = Map.of(
            EnumAttribute.GSK_PROTOCOL_TLSV10, TlsProtocol.TLSV10,
            EnumAttribute.GSK_PROTOCOL_TLSV11, TlsProtocol.TLSV11,
            EnumAttribute.GSK_PROTOCOL_TLSV12, TlsProtocol.TLSV12,
            EnumAttribute.GSK_PROTOCOL_TLSV13, TlsProtocol.TLSV13);

    private ProtocolSwitches() {
    }

    /** The protocols a handshake may offer: switched on here and allowed by the platform. */
    public static Set<TlsProtocol> negotiable(AttributeValues values) {
        Set<TlsProtocol> on = enabled(values);
        on.retainAll(TlsProtocol.enabledInThisRuntime());
        return on;
    }

    /** The protocols switched on here that the platform will not negotiate (for warnings only). */
    public static Set<TlsProtocol> disabledByPlatform(AttributeValues values) {
        Set<TlsProtocol> on = enabled(values);
        on.removeAll(TlsProtocol.enabledInThisRuntime());
        return on;
    }

    /** The protocols these attribute values switch on. */
    public static Set<TlsProtocol> enabled(AttributeValues values) {
        Set<TlsProtocol> on = EnumSet.noneOf(TlsProtocol.class);
        boolean master = values.isOn(EnumAttribute.GSK_PROTOCOL_TLSV1);
        for (Map.Entry<EnumAttribute, TlsProtocol> e : PER_VERSION.entrySet()) {
            // a per-version switch that was never set follows the master switch off, never on:
            // turning the master on must not revive TLS 1.0 / 1.1, which are off by default here
            boolean versionOn = values.isOn(e.getKey());
            boolean effective = values.isSet(e.getKey()) ? versionOn : versionOn && master;
            if (effective) {
                on.add(e.getValue());
            }
        }
        if (values.isOn(EnumAttribute.GSK_PROTOCOL_SSLV3)) {
            on.add(TlsProtocol.SSLV3);
        }
        if (values.isOn(EnumAttribute.GSK_PROTOCOL_SSLV2)) {
            on.add(TlsProtocol.SSLV2);
        }
        return on;
    }
}
