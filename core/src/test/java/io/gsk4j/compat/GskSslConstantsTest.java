package io.gsk4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.CallbackAttribute;
import io.gsk4j.attr.CertDataId;
import io.gsk4j.attr.CertInfoId;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The constant interface is a hand-kept copy of the core tables; this keeps it honest. */
class GskSslConstantsTest {

    /** Every spelling in every core table with its number; a clash between tables fails here. */
    private static Map<String, Integer> tables() {
        Map<String, Integer> all = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (GskStatus s : GskStatus.values()) {
            s.names().forEach(n -> put(all, clashes, n, s.code()));
        }
        for (BufferAttribute a : BufferAttribute.values()) {
            a.names().forEach(n -> put(all, clashes, n, a.id()));
        }
        for (NumericAttribute a : NumericAttribute.values()) {
            a.names().forEach(n -> put(all, clashes, n, a.id()));
        }
        for (EnumAttribute a : EnumAttribute.values()) {
            a.names().forEach(n -> put(all, clashes, n, a.id()));
        }
        for (EnumValue v : EnumValue.values()) {
            v.names().forEach(n -> put(all, clashes, n, v.code()));
        }
        for (CallbackAttribute a : CallbackAttribute.values()) {
            a.names().forEach(n -> put(all, clashes, n, a.id()));
        }
        for (CertInfoId c : CertInfoId.values()) {
            put(all, clashes, c.name(), c.id());
        }
        for (CertDataId c : CertDataId.values()) {
            put(all, clashes, c.name(), c.id());
        }
        for (MiscId m : MiscId.values()) {
            put(all, clashes, m.name(), m.id());
        }
        for (Errno e : Errno.values()) {
            e.names().forEach(n -> put(all, clashes, n, e.code()));
        }
        assertTrue(clashes.isEmpty(), () -> "one spelling, two numbers: " + clashes);
        return all;
    }

    private static void put(Map<String, Integer> all, List<String> clashes, String name, int value) {
        Integer old = all.put(name, value);
        if (old != null && old != value) {
            clashes.add(name + " = " + old + " and " + value);
        }
    }

    private static Map<String, Integer> constants() throws IllegalAccessException {
        Map<String, Integer> out = new TreeMap<>();
        for (Field f : GskSslConstants.class.getFields()) {
            assertEquals(int.class, f.getType(), f.getName());
            assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), f.getName());
            out.put(f.getName(), f.getInt(null));
        }
        return out;
    }

    @Test
    void theInterfaceHoldsExactlyTheTables() throws IllegalAccessException {
        assertEquals(tables(), constants());
    }

    @Test
    void gskSeesTheConstantsThroughItsInterface() throws ReflectiveOperationException {
        assertEquals(GskSslConstants.GSK_KEYRING_FILE, Gsk.class.getField("GSK_KEYRING_FILE").getInt(null));
    }

    @Test
    void spotChecksAgainstTheSpec() {
        assertEquals(0, GskSslConstants.GSK_OK);
        assertEquals(6000, GskSslConstants.GSK_OS400_ERROR_NOT_TRUSTED_ROOT);
        assertEquals(6000, GskSslConstants.SSL_ERROR_NOT_TRUSTED_ROOT);
        assertEquals(6010, GskSslConstants.GSK_AS400_ERROR_INVALID_POINTER);
        assertEquals(420, GskSslConstants.GSK_ERROR_CLOSED);
        assertEquals(201, GskSslConstants.GSK_KEYRING_FILE);
        assertEquals(6993, GskSslConstants.GSK_OS400_READ_TIMEOUT);
        assertEquals(600, GskSslConstants.CERT_BODY_DER);
        assertEquals(102, GskSslConstants.GSK_CLOSE_NOTIFY);
        assertEquals(1, GskSslConstants.GSK_TRUE);
        assertEquals(507, GskSslConstants.GSK_CLIENT_SESSION);
        assertEquals(518, GskSslConstants.GSK_PROTOCOL_TLSV1_ON);
        assertEquals(3006, GskSslConstants.EIO);
        assertEquals(3406, GskSslConstants.EWOULDBLOCK);
    }

    /** The reason the constants are literals: C-style switch statements must compile. */
    @Test
    void constantsWorkInASwitch() {
        assertEquals("closed", describe(GskSslConstants.GSK_ERROR_SOCKET_CLOSED));
        assertEquals("io", describe(GskSslConstants.GSK_ERROR_IO));
    }

    private static String describe(int rc) {
        switch (rc) {
            case GskSslConstants.GSK_OK:
                return "ok";
            case GskSslConstants.GSK_ERROR_IO:
                return "io";
            case GskSslConstants.GSK_ERROR_SOCKET_CLOSED:
                return "closed";
            default:
                return "other";
        }
    }
}
