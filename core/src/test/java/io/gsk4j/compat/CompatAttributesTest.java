package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.CompatFixture.openEnv;
import static io.gsk4j.compat.CompatFixture.openSession;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The attribute functions: ID resolution, value checks, defaults and environment-to-session inheritance. */
class CompatAttributesTest {

    // ---- IDs ----

    @Test
    void idsInNoTableAreInvalid() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        for (GskHandle h : new GskHandle[] {env, session}) {
            IntRef n = new IntRef();
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(h, 99999, "x", 0));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(h, 99999, new byte[] {'x'}, 0));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_buffer(h, 99999, new StringRef(), n));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_numeric_value(h, 12345, 1));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_numeric_value(h, 12345, n));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_enum(h, 12345, GSK_TRUE));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_enum(h, 12345, n));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_callback(h, 12345, new Object()));
            expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_cert_info(h, 12345, new CertDataRef(), n));
        }
    }

    @Test
    void anIdOfAnotherTableIsInvalid() {
        GskHandle env = openEnv();
        IntRef n = new IntRef();
        // GSK_HANDSHAKE_TIMEOUT is numeric, GSK_KEYRING_FILE a buffer, GSK_SESSION_TYPE an enum
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(env, GSK_HANDSHAKE_TIMEOUT, "1", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_numeric_value(env, GSK_KEYRING_FILE, n));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_numeric_value(env, GSK_SESSION_TYPE, GSK_CLIENT_SESSION));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_enum(env, GSK_KEYRING_FILE, n));
    }

    @Test
    void sessionOnlyIdsOnAnEnvironment() {
        GskHandle env = openEnv();
        IntRef n = new IntRef();
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_numeric_value(env, GSK_FD, 5));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_numeric_value(env, GSK_FD, n));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_enum(env, GSK_PROTOCOL_USED, n));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_buffer(env, GSK_CONNECT_CIPHER_SPEC_EX, new StringRef(), n));
    }

    @Test
    void environmentOnlyIdsOnASession() {
        GskHandle session = openSession(openEnv());
        IntRef n = new IntRef();
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(session, GSK_IBMI_APPLICATION_ID, "QIBM_TEST_APP", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(session, 6999, "QIBM_TEST_APP", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_buffer(session, GSK_OS400_APPLICATION_ID, new StringRef(), n));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_numeric_value(session, GSK_V3_SESSION_TIMEOUT, 60));
    }

    @Test
    void readOnlyIdsInASetter() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(session, GSK_CONNECT_CIPHER_SPEC_EX, "x", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(session, 244, "x", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_buffer(env, 244, "x", 0));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_enum(session, GSK_PROTOCOL_USED, GSK_PROTOCOL_USED_TLSV12));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_numeric_value(session, GSK_CERTIFICATE_VALIDATION_CODE, 0));
    }

    @Test
    void handshakeResultsAreInvalidStateBeforeTheHandshake() {
        GskHandle session = openSession(openEnv());
        expect(GSK_INVALID_STATE, gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, new IntRef()));
    }

    // ---- values ----

    @Test
    void enumValuesNotAllowedForTheId() {
        GskHandle env = openEnv();
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_PROTOCOL_TLSV1_ON));
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_enum(env, GSK_SESSION_TYPE, 518));
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_enum(env, GSK_SESSION_TYPE, 12345));
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV1, GSK_TRUE));
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV12, GSK_PROTOCOL_TLSV1_ON));
        // nothing changed
        IntRef n = new IntRef();
        ok(gsk_attribute_get_enum(env, GSK_SESSION_TYPE, n));
        assertEquals(GSK_CLIENT_SESSION, n.value);
    }

    @Test
    void numericValuesOutOfRange() {
        GskHandle env = openEnv();
        expect(GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, gsk_attribute_set_numeric_value(env, GSK_V3_SESSION_TIMEOUT, 86401));
        expect(GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, gsk_attribute_set_numeric_value(env, GSK_V3_SESSION_TIMEOUT, -1));
        expect(GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, -1));
        expect(GSK_ATTRIBUTE_INVALID_NUMERIC, gsk_attribute_set_numeric_value(env, GSK_IBMI_READ_TIMEOUT, -1));
        ok(gsk_attribute_set_numeric_value(env, GSK_V3_SESSION_TIMEOUT, 86400));
        ok(gsk_attribute_set_numeric_value(env, GSK_V3_SESSION_TIMEOUT, 0));
    }

    @Test
    void bufferLengths() {
        GskHandle env = openEnv();
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "label", -1));
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "label", 6));
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "x".repeat(5000), 0));
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, new byte[3], -1));
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, new byte[3], 4));
        expect(GSK_ATTRIBUTE_INVALID_LENGTH, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL,
                "y".repeat(5000).getBytes(StandardCharsets.UTF_8), 0));
    }

    @Test
    void bufferSizeSelectsThePrefix() {
        GskHandle env = openEnv();
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "server-label", 6));
        assertBuffer(env, GSK_KEYRING_LABEL, "server");
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "whole", 0));
        assertBuffer(env, GSK_KEYRING_LABEL, "whole");
        // bytes: 0 stops at the first NUL, as C's strlen would
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "abc\0def".getBytes(StandardCharsets.UTF_8), 0));
        assertBuffer(env, GSK_KEYRING_LABEL, "abc");
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "abcdef".getBytes(StandardCharsets.UTF_8), 0));
        assertBuffer(env, GSK_KEYRING_LABEL, "abcdef");
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "abcdef".getBytes(StandardCharsets.UTF_8), 2));
        assertBuffer(env, GSK_KEYRING_LABEL, "ab");
    }

    @Test
    void bufferSizeIsReportedInUtf8Bytes() {
        GskHandle env = openEnv();
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "Zürich", 0));
        StringRef value = new StringRef();
        IntRef size = new IntRef();
        ok(gsk_attribute_get_buffer(env, GSK_KEYRING_LABEL, value, size));
        assertEquals("Zürich", value.value);
        assertEquals(7, size.value);
        // a buffer never set reads as the empty string
        ok(gsk_attribute_get_buffer(env, GSK_KEYRING_STASH_FILE, value, size));
        assertEquals("", value.value);
        assertEquals(0, size.value);
    }

    // ---- unsupported IDs and protocols ----

    @Test
    void knownButUnsupportedIds() {
        GskHandle env = openEnv();
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_buffer(env, GSK_OCSP_REQUEST_SIGKEYLABEL, "signer", 0));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_buffer(env, 231, "host.example", 0));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_get_buffer(env, GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST, new StringRef(), new IntRef()));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL_EX, "a,b", 0));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_buffer(env, 254, "a,b", 0));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_enum(env, GSK_NO_RENEGOTIATION, GSK_TRUE));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_enum(env, 457, GSK_FALSE));
        // supported since they were tested end to end
        expect(GSK_OK, gsk_attribute_set_enum(env, GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT, GSK_TRUE));
        expect(GSK_OK, gsk_attribute_set_enum(env, 452, GSK_TRUE));
        expect(GSK_OK, gsk_attribute_set_buffer(env, GSK_SSL_EXTN_SIGALG, "ECDSA_SHA256", 0));
        expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_numeric_value(env, GSK_OCSP_REQUEST_SIGALG, 2));
        // supported since they were tested end to end
        expect(GSK_OK, gsk_attribute_set_buffer(env, GSK_OCSP_URL, "http://ocsp.example", 0));
        expect(GSK_OK, gsk_attribute_set_numeric_value(env, GSK_OCSP_TIMEOUT, 5));
    }

    @Test
    void protocolSwitchesAreRecordedWhateverThePlatformAllows() {
        // IBM i: QSSLPCL decides what is negotiated; the switches themselves are always accepted
        GskHandle env = openEnv();
        ok(gsk_attribute_set_enum(env, 436, GSK_TRUE)); // GSK_PROTOCOL_TLSV10
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV11, GSK_TRUE));
        ok(gsk_attribute_set_enum(env, 404, 512)); // GSK_PROTOCOL_SSLV3, GSK_PROTOCOL_SSLV3_ON
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_SSLV2, GSK_PROTOCOL_SSLV2_ON));
        assertEnum(env, 436, GSK_TRUE);
        assertEnum(env, GSK_PROTOCOL_TLSV11, GSK_TRUE);
        assertEnum(env, GSK_PROTOCOL_SSLV3, GSK_PROTOCOL_SSLV3_ON);
        assertEnum(env, GSK_PROTOCOL_SSLV2, GSK_PROTOCOL_SSLV2_ON);
        // switching them off is just as fine
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_SSLV3, GSK_PROTOCOL_SSLV3_OFF));
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_SSLV2, GSK_PROTOCOL_SSLV2_OFF));
        assertEnum(env, GSK_PROTOCOL_SSLV2, GSK_PROTOCOL_SSLV2_OFF);
        ok(gsk_environment_close(env));
    }

    @Test
    void protocolSwitchEncodings() {
        GskHandle env = openEnv();
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV1, GSK_PROTOCOL_TLSV1_OFF));
        ok(gsk_attribute_set_enum(env, 407, 518));
        ok(gsk_attribute_set_enum(env, 407, 519));
        for (int id : new int[] {436, 437, 438, 4030}) {
            ok(gsk_attribute_set_enum(env, id, GSK_FALSE));
            assertEnum(env, id, GSK_FALSE);
        }
        for (int id : new int[] {GSK_PROTOCOL_TLSV12, GSK_PROTOCOL_TLSV13}) {
            ok(gsk_attribute_set_enum(env, id, GSK_TRUE));
            assertEnum(env, id, GSK_TRUE);
        }
    }

    // ---- defaults and inheritance ----

    @Test
    void defaults() {
        GskHandle env = openEnv();
        assertEnum(env, GSK_SESSION_TYPE, GSK_CLIENT_SESSION);
        assertNumber(env, GSK_V3_SESSION_TIMEOUT, 86400);
        assertNumber(env, GSK_V2_SESSION_TIMEOUT, 100);
        assertNumber(env, GSK_HANDSHAKE_TIMEOUT, 0);
        assertNumber(env, GSK_IBMI_READ_TIMEOUT, 0);
        assertEnum(env, GSK_PROTOCOL_TLSV13, GSK_TRUE);
        assertEnum(env, GSK_PROTOCOL_TLSV12, GSK_TRUE);
        assertEnum(env, GSK_PROTOCOL_TLSV1, GSK_PROTOCOL_TLSV1_ON);

        GskHandle session = openSession(env);
        assertEnum(session, GSK_SESSION_TYPE, 507);
        assertNumber(session, GSK_HANDSHAKE_TIMEOUT, 0);
        assertEnum(session, GSK_PROTOCOL_TLSV13, 1);
        assertEnum(session, GSK_PROTOCOL_TLSV1, 518);
        assertNumber(session, GSK_FD, -1);
    }

    @Test
    void sessionsInheritAndOverrideWithoutTouchingTheEnvironment() {
        GskHandle env = openEnv();
        ok(gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_SERVER_SESSION));
        ok(gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, 30));
        ok(gsk_attribute_set_numeric_value(env, GSK_OS400_READ_TIMEOUT, 500));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "from-env", 0));
        ok(gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV13, GSK_FALSE));

        GskHandle first = openSession(env);
        assertEnum(first, GSK_SESSION_TYPE, GSK_SERVER_SESSION);
        assertNumber(first, GSK_HANDSHAKE_TIMEOUT, 30);
        assertNumber(first, GSK_IBMI_READ_TIMEOUT, 500);
        assertBuffer(first, GSK_KEYRING_LABEL, "from-env");
        assertEnum(first, GSK_PROTOCOL_TLSV13, GSK_FALSE);

        ok(gsk_attribute_set_enum(first, GSK_SESSION_TYPE, GSK_CLIENT_SESSION));
        ok(gsk_attribute_set_numeric_value(first, GSK_HANDSHAKE_TIMEOUT, 10));
        ok(gsk_attribute_set_buffer(first, GSK_KEYRING_LABEL, "own", 0));
        assertEnum(first, GSK_SESSION_TYPE, GSK_CLIENT_SESSION);
        assertNumber(first, GSK_HANDSHAKE_TIMEOUT, 10);
        assertBuffer(first, GSK_KEYRING_LABEL, "own");

        // the environment and a later session still see the environment's values
        assertEnum(env, GSK_SESSION_TYPE, GSK_SERVER_SESSION);
        assertNumber(env, GSK_HANDSHAKE_TIMEOUT, 30);
        assertBuffer(env, GSK_KEYRING_LABEL, "from-env");
        GskHandle second = openSession(env);
        assertEnum(second, GSK_SESSION_TYPE, GSK_SERVER_SESSION);
        assertBuffer(second, GSK_KEYRING_LABEL, "from-env");

        // a session copies at open: later environment changes do not reach it
        ok(gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, 40));
        assertNumber(second, GSK_HANDSHAKE_TIMEOUT, 30);
    }

    private static void assertEnum(GskHandle h, int id, int expected) {
        IntRef n = new IntRef();
        ok(gsk_attribute_get_enum(h, id, n));
        assertEquals(expected, n.value, "enum " + id);
    }

    private static void assertNumber(GskHandle h, int id, int expected) {
        IntRef n = new IntRef();
        ok(gsk_attribute_get_numeric_value(h, id, n));
        assertEquals(expected, n.value, "numeric " + id);
    }

    private static void assertBuffer(GskHandle h, int id, String expected) {
        StringRef value = new StringRef();
        IntRef size = new IntRef();
        ok(gsk_attribute_get_buffer(h, id, value, size));
        assertEquals(expected, value.value, "buffer " + id);
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, size.value);
    }
}
