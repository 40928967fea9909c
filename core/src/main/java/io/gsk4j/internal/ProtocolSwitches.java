package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * GSKit's protocol switches: one master switch for TLS 1.x ({@code GSK_PROTOCOL_TLSV1}),
 * per-version switches that inherit from it unless set, and the SSL switches.
 *
 * <p>A switch that turns on a protocol this JDK will not negotiate is refused when it is set
 * ({@code GSK_ERROR_UNSUPPORTED}, as HTTPAPI and curl expect from a release without that
 * protocol) instead of being dropped silently at handshake time.
 */
public final class ProtocolSwitches {
    private static final Map<EnumAttribute, TlsProtocol> PER_VERSION = Map.of(
            EnumAttribute.GSK_PROTOCOL_TLSV10, TlsProtocol.TLSV10,
            EnumAttribute.GSK_PROTOCOL_TLSV11, TlsProtocol.TLSV11,
            EnumAttribute.GSK_PROTOCOL_TLSV12, TlsProtocol.TLSV12,
            EnumAttribute.GSK_PROTOCOL_TLSV13, TlsProtocol.TLSV13);

    private ProtocolSwitches() {
    }

    /** Refuses a switch that would enable a protocol the runtime cannot negotiate. */
    public static void checkHonourable(EnumAttribute id, EnumValue value) throws GskException {
        TlsProtocol asked = null;
        if (id == EnumAttribute.GSK_PROTOCOL_SSLV2 && value == EnumValue.GSK_PROTOCOL_SSLV2_ON) {
            asked = TlsProtocol.SSLV2;
        } else if (id == EnumAttribute.GSK_PROTOCOL_SSLV3 && value == EnumValue.GSK_PROTOCOL_SSLV3_ON) {
            asked = TlsProtocol.SSLV3;
        } else if (PER_VERSION.containsKey(id) && value == EnumValue.GSK_TRUE) {
            asked = PER_VERSION.get(id);
        }
        if (asked != null && !TlsProtocol.enabledInThisRuntime().contains(asked)) {
            throw new GskException(GskStatus.GSK_ERROR_UNSUPPORTED, asked.secType()
                    + " is disabled in this Java runtime (jdk.tls.disabledAlgorithms); it cannot be switched on");
        }
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
