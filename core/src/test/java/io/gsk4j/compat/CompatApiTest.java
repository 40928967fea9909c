package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.initialisedEnv;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.CompatFixture.openEnv;
import static io.gsk4j.compat.CompatFixture.openSession;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Descriptors;
import io.gsk4j.attr.CallbackAttribute;
import io.gsk4j.compat.CompatFixture.Loopback;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C-shaped API's own rules, without a handshake: pointers, handles, call order, errno and
 * certificate info. Every expectation is an exact return code.
 */
@Timeout(60)
class CompatApiTest {
    @TempDir
    static Path dir;
    static Path serverStore;
    static Path clientStore;

    @BeforeAll
    static void stores() {
        serverStore = CompatFixture.serverStore(dir);
        clientStore = CompatFixture.clientStore(dir);
    }

    // ---- null pointers ----

    @Test
    void nullHandleVariablesAreInvalidPointers() {
        GskHandle env = openEnv();
        byte[] buf = new byte[8];
        IntRef n = new IntRef();
        List<IntSupplier> calls = List.of(
                () -> gsk_environment_open(null),
                () -> gsk_environment_init(null),
                () -> gsk_environment_close(null),
                () -> gsk_secure_soc_open(null, new GskHandle()),
                () -> gsk_secure_soc_open(env, null),
                () -> gsk_secure_soc_init(null),
                () -> gsk_secure_soc_read(null, buf, 1, n),
                () -> gsk_secure_soc_write(null, buf, 1, n),
                () -> gsk_secure_soc_misc(null, GSK_CLOSE_NOTIFY),
                () -> gsk_secure_soc_close(null),
                () -> gsk_attribute_set_buffer(null, GSK_KEYRING_LABEL, "x", 0),
                () -> gsk_attribute_set_buffer(null, GSK_KEYRING_LABEL, new byte[] {'x'}, 0),
                () -> gsk_attribute_get_buffer(null, GSK_KEYRING_LABEL, new StringRef(), n),
                () -> gsk_attribute_set_numeric_value(null, GSK_HANDSHAKE_TIMEOUT, 1),
                () -> gsk_attribute_get_numeric_value(null, GSK_HANDSHAKE_TIMEOUT, n),
                () -> gsk_attribute_set_enum(null, GSK_SESSION_TYPE, GSK_CLIENT_SESSION),
                () -> gsk_attribute_get_enum(null, GSK_SESSION_TYPE, n),
                () -> gsk_attribute_set_callback(null, GSK_CERT_VALIDATION_CALLBACK, new Object()),
                () -> gsk_attribute_get_cert_info(null, GSK_LOCAL_CERT_INFO, new CertDataRef(), n));
        assertAll(GSK_IBMI_ERROR_INVALID_POINTER, calls);
    }

    @Test
    void nullHoldersAndBuffersAreInvalidPointers() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        byte[] buf = new byte[8];
        IntRef n = new IntRef();
        List<IntSupplier> calls = List.of(
                () -> gsk_secure_soc_read(session, null, 1, n),
                () -> gsk_secure_soc_read(session, buf, 1, null),
                () -> gsk_secure_soc_write(session, null, 1, n),
                () -> gsk_secure_soc_write(session, buf, 1, null),
                () -> gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, (String) null, 0),
                () -> gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, (byte[]) null, 0),
                () -> gsk_attribute_get_buffer(env, GSK_KEYRING_LABEL, null, n),
                () -> gsk_attribute_get_buffer(env, GSK_KEYRING_LABEL, new StringRef(), null),
                () -> gsk_attribute_get_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, null),
                () -> gsk_attribute_get_enum(env, GSK_SESSION_TYPE, null),
                () -> gsk_attribute_get_cert_info(session, GSK_LOCAL_CERT_INFO, null, n),
                () -> gsk_attribute_get_cert_info(session, GSK_LOCAL_CERT_INFO, new CertDataRef(), null));
        assertAll(GSK_IBMI_ERROR_INVALID_POINTER, calls);
    }

    // ---- bad handles ----

    @Test
    void nullUnknownAndStaleHandlesAreInvalidEverywhere() {
        GskHandle closedEnv = openEnv();
        GskHandle staleEnv = closedEnv.copy();
        ok(gsk_environment_close(closedEnv));
        GskHandle liveEnv = openEnv();
        GskHandle closedSession = openSession(liveEnv);
        GskHandle staleSession = closedSession.copy();
        ok(gsk_secure_soc_close(closedSession));

        for (GskHandle bad : List.of(new GskHandle(), GskHandle.of(1), GskHandle.of(-1), GskHandle.of(Long.MAX_VALUE),
                closedEnv, staleEnv, closedSession, staleSession)) {
            assertAll(GSK_INVALID_HANDLE, environmentCalls(bad));
            assertAll(GSK_INVALID_HANDLE, sessionCalls(bad));
            assertAll(GSK_INVALID_HANDLE, attributeCalls(bad));
        }
    }

    @Test
    void anEnvironmentHandleIsNoSessionAndViceVersa() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        assertAll(GSK_INVALID_HANDLE, sessionCalls(env));
        assertAll(GSK_INVALID_HANDLE, environmentCalls(session));
        expect(GSK_INVALID_HANDLE, gsk_environment_close(session));
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_close(env));
        // the failed closes left both variables and both objects alone
        assertNotNull(environmentOf(env));
        assertNotNull(sessionOf(session));
        assertFalse(env.isNull());
        assertFalse(session.isNull());
        ok(gsk_secure_soc_close(session));
        ok(gsk_environment_close(env));
    }

    private static List<IntSupplier> environmentCalls(GskHandle h) {
        return List.of(
                () -> gsk_environment_init(h),
                () -> gsk_secure_soc_open(h, new GskHandle()),
                () -> gsk_environment_close(h.copy()));
    }

    private static List<IntSupplier> sessionCalls(GskHandle h) {
        byte[] buf = new byte[8];
        IntRef n = new IntRef();
        return List.of(
                () -> gsk_secure_soc_init(h),
                () -> gsk_secure_soc_read(h, buf, buf.length, n),
                () -> gsk_secure_soc_write(h, buf, buf.length, n),
                () -> gsk_secure_soc_misc(h, GSK_CLOSE_NOTIFY),
                () -> gsk_secure_soc_close(h.copy()));
    }

    private static List<IntSupplier> attributeCalls(GskHandle h) {
        IntRef n = new IntRef();
        return List.of(
                () -> gsk_attribute_set_buffer(h, GSK_KEYRING_LABEL, "x", 0),
                () -> gsk_attribute_set_buffer(h, GSK_KEYRING_LABEL, new byte[] {'x'}, 0),
                () -> gsk_attribute_get_buffer(h, GSK_KEYRING_LABEL, new StringRef(), n),
                () -> gsk_attribute_set_numeric_value(h, GSK_HANDSHAKE_TIMEOUT, 1),
                () -> gsk_attribute_get_numeric_value(h, GSK_HANDSHAKE_TIMEOUT, n),
                () -> gsk_attribute_set_enum(h, GSK_SESSION_TYPE, GSK_CLIENT_SESSION),
                () -> gsk_attribute_get_enum(h, GSK_SESSION_TYPE, n),
                () -> gsk_attribute_set_callback(h, GSK_CERT_VALIDATION_CALLBACK, new Object()),
                () -> gsk_attribute_get_cert_info(h, GSK_LOCAL_CERT_INFO, new CertDataRef(), n));
    }

    @Test
    void closeClearsTheVariableAndASecondCloseIsInvalid() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        ok(gsk_secure_soc_close(session));
        assertTrue(session.isNull());
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_close(session));
        ok(gsk_environment_close(env));
        assertEquals(0, env.value());
        expect(GSK_INVALID_HANDLE, gsk_environment_close(env));
    }

    @Test
    void openFunctionsOverwriteWhateverTheOutputVariableHeld() {
        GskHandle env = GskHandle.of(12345);
        ok(gsk_environment_open(env));
        assertNotEquals(12345, env.value());
        GskHandle stale = GskHandle.of(env.value());
        GskHandle session = GskHandle.of(stale.value()); // even an environment's number
        ok(gsk_secure_soc_open(env, session));
        assertNotNull(sessionOf(session));
    }

    @Test
    void socOpenOnAClosedEnvironmentIsAnInvalidHandleAndLeavesTheOutputAlone() {
        GskHandle env = openEnv();
        GskHandle copy = env.copy();
        ok(gsk_environment_close(env));
        GskHandle session = GskHandle.of(77);
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_open(copy, session));
        assertEquals(77, session.value());
    }

    @Test
    void handleNumbersAreNeverReused() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            GskHandle env = openEnv();
            assertTrue(seen.add(env.value()));
            GskHandle session = openSession(env);
            assertTrue(seen.add(session.value()));
            ok(gsk_secure_soc_close(session));
            ok(gsk_environment_close(env));
        }
        assertFalse(seen.contains(0L));
    }

    @Test
    void handleVariablesBehaveLikeCVariables() {
        GskHandle h = new GskHandle();
        assertTrue(h.isNull());
        assertEquals("0", h.toString());
        ok(gsk_environment_open(h));
        GskHandle copy = h.copy();
        assertEquals(h.value(), copy.value());
        assertEquals(Long.toString(h.value()), h.toString());
        assertEquals(h.value(), GskHandle.of(h.value()).value());
        ok(gsk_environment_close(h));
        assertTrue(h.isNull());
        assertFalse(copy.isNull()); // the copy keeps the stale number, as in C
        expect(GSK_INVALID_HANDLE, gsk_environment_init(copy));
    }

    @Test
    void concurrentOpensGetDistinctHandles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    GskHandle env = openEnv();
                    GskHandle session = openSession(env);
                    ok(gsk_environment_close(env));
                    long number = session.value();
                    ok(gsk_secure_soc_close(session));
                    return number;
                }));
            }
            Set<Long> numbers = new HashSet<>();
            for (Future<Long> f : results) {
                assertTrue(numbers.add(f.get(30, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bridgesToTheCoreObjects() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        assertNotNull(environmentOf(env));
        assertSame(environmentOf(env), environmentOf(env.copy()));
        assertNull(environmentOf(session));
        assertNull(sessionOf(env));
        assertNotNull(sessionOf(session));
        assertNull(environmentOf(null));
        assertNull(sessionOf(new GskHandle()));
    }

    // ---- call order ----

    @Test
    void settersAfterInitAndASecondInitAreInvalidState() {
        GskHandle env = initialisedEnv(serverStore, GSK_SERVER_SESSION);
        expect(GSK_INVALID_STATE, gsk_environment_init(env));
        expect(GSK_INVALID_STATE, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, "x", 0));
        expect(GSK_INVALID_STATE, gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, new byte[] {'x'}, 0));
        expect(GSK_INVALID_STATE, gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, 5));
        expect(GSK_INVALID_STATE, gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_CLIENT_SESSION));
        // the ID and state are checked before the value: a number that is no value at all still gets 5
        expect(GSK_INVALID_STATE, gsk_attribute_set_enum(env, GSK_SESSION_TYPE, 12345));
        // getters keep working
        IntRef type = new IntRef();
        ok(gsk_attribute_get_enum(env, GSK_SESSION_TYPE, type));
        assertEquals(GSK_SERVER_SESSION, type.value);
    }

    @Test
    void dataCallsBeforeTheHandshakeAreInvalidState() {
        GskHandle session = openSession(openEnv());
        byte[] buf = new byte[8];
        IntRef n = new IntRef(-5);
        expect(GSK_INVALID_STATE, gsk_secure_soc_read(session, buf, buf.length, n));
        assertEquals(0, n.value);
        expect(GSK_INVALID_STATE, gsk_secure_soc_write(session, buf, buf.length, n));
        expect(GSK_INVALID_STATE, gsk_secure_soc_misc(session, GSK_CLOSE_NOTIFY));
        expect(GSK_INVALID_STATE, gsk_secure_soc_misc(session, GSK_RESET_SESSION));
        ok(gsk_secure_soc_close(session));
    }

    @Test
    void bufferSizesOfReadAndWrite() {
        GskHandle session = openSession(openEnv());
        byte[] buf = new byte[8];
        IntRef n = new IntRef();
        expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_read(session, buf, 0, n));
        expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_read(session, buf, -1, n));
        expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_write(session, buf, 0, n));
        expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_secure_soc_read(session, buf, 9, n));
        expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_secure_soc_write(session, buf, 9, n));
        expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_read(session, new byte[0], 0, n));
    }

    @Test
    void unknownMiscIdIsRefused() {
        GskHandle session = openSession(openEnv());
        expect(GSK_MISC_INVALID_ID, gsk_secure_soc_misc(session, 99));
        expect(GSK_MISC_INVALID_ID, gsk_secure_soc_misc(session, 104));
        expect(GSK_MISC_INVALID_ID, gsk_secure_soc_misc(session, -1));
    }

    @Test
    void handshakeOnANeverInitialisedEnvironment() throws Exception {
        GskHandle env = CompatFixture.openEnv(clientStore, GSK_CLIENT_SESSION);
        GskHandle session = openSession(env);
        try (Loopback pair = new Loopback()) {
            ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(pair.client)));
            expect(GSK_IBMI_ERROR_NO_INITIALIZE, gsk_secure_soc_init(session));
            // closing after a failed handshake is the normal clean-up and must work
            ok(gsk_secure_soc_close(session));
            assertTrue(pair.client.isOpen());
        }
    }

    @Test
    void sessionsOutliveTheirEnvironment() {
        GskHandle env = initialisedEnv(clientStore, GSK_CLIENT_SESSION);
        GskHandle session = openSession(env);
        ok(gsk_environment_close(env));
        ok(gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, 7));
        IntRef n = new IntRef();
        ok(gsk_attribute_get_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, n));
        assertEquals(7, n.value);
        ok(gsk_attribute_get_enum(session, GSK_SESSION_TYPE, n));
        assertEquals(GSK_CLIENT_SESSION, n.value);
        ok(gsk_secure_soc_close(session));
    }

    // ---- errno ----

    @Test
    void ioErrorsSetThisThreadsErrno() throws Exception {
        GskHandle env = initialisedEnv(clientStore, GSK_CLIENT_SESSION);
        GskHandle session = openSession(env);
        // GSK_FD never set: there is no socket to shake hands on
        expect(GSK_ERROR_IO, gsk_secure_soc_init(session));
        assertEquals(EBADF, errno());
        assertEquals("EBADF", errnoName());
        ok(gsk_secure_soc_close(session));

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertEquals(0, other.submit(Gsk::errno).get(10, TimeUnit.SECONDS));
            assertEquals("", other.submit(Gsk::errnoName).get(10, TimeUnit.SECONDS));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aDescriptorThatNamesNoChannelIsAnIoError() {
        GskHandle session = openSession(initialisedEnv(clientStore, GSK_CLIENT_SESSION));
        ok(gsk_attribute_set_numeric_value(session, GSK_FD, Integer.MAX_VALUE));
        expect(GSK_ERROR_IO, gsk_secure_soc_init(session));
        assertEquals(EBADF, errno());
    }

    @Test
    void descriptorsForChannelsAndSockets() throws Exception {
        try (Loopback pair = new Loopback()) {
            int fd = gsk_fd(pair.client);
            assertEquals(Descriptors.of(pair.client), fd);
            assertEquals(fd, gsk_fd(pair.client.socket()));
            assertTrue(fd >= 0);
        }
        try (Socket plain = new Socket()) {
            assertEquals(-1, gsk_fd(plain));
            assertEquals(EBADF, errno());
        }
        assertEquals(-1, gsk_fd((Socket) null));
        assertEquals(-1, gsk_fd((java.nio.channels.Channel) null));
        SocketChannel closed = SocketChannel.open();
        closed.close();
        assertEquals(-1, gsk_fd(closed));
        assertEquals("EBADF", errnoName());
    }

    // ---- certificate info ----

    @Test
    void localCertificateOfAnEnvironment() throws Exception {
        GskHandle env = CompatFixture.openEnv(serverStore, GSK_SERVER_SESSION);
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, CompatFixture.SERVER_LABEL, 0));
        CertDataRef elems = new CertDataRef();
        IntRef count = new IntRef();
        expect(GSK_INVALID_STATE, gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, elems, count));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_cert_info(env, GSK_PARTNER_CERT_INFO, elems, count));
        ok(gsk_environment_init(env));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_cert_info(env, GSK_PARTNER_CERT_INFO, elems, count));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_cert_info(env, 702, elems, count));
        ok(gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, elems, count));
        assertEquals(elems.value.length, count.value);
        assertTrue(count.value > 1);
        assertEquals(CERT_BODY_DER, elems.value[0].cert_data_id);
        assertArrayEquals(CompatFixture.SERVER.leaf().getEncoded(), elems.value[0].cert_data_p);
        assertEquals(elems.value[0].cert_data_p.length, elems.value[0].cert_data_l);
        assertFalse(elems.value[0].toString().contains(elems.value[0].text()), "no DER dump in toString");
        assertTrue(hasText(elems.value, CERT_COMMON_NAME, "localhost"));

        // the caller's copy is its own
        elems.value[0].cert_data_p[0] ^= 1;
        CertDataRef again = new CertDataRef();
        ok(gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, again, count));
        assertArrayEquals(CompatFixture.SERVER.leaf().getEncoded(), again.value[0].cert_data_p);

        // a session shows the same local certificate
        GskHandle session = openSession(env);
        ok(gsk_attribute_get_cert_info(session, GSK_LOCAL_CERT_INFO, again, count));
        assertArrayEquals(CompatFixture.SERVER.leaf().getEncoded(), again.value[0].cert_data_p);
    }

    @Test
    void noLocalCertificateIsAnEmptyArray() {
        GskHandle env = initialisedEnv(clientStore, GSK_CLIENT_SESSION);
        CertDataRef elems = new CertDataRef();
        IntRef count = new IntRef(-1);
        ok(gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, elems, count));
        assertEquals(0, count.value);
        assertEquals(0, elems.value.length);
    }

    @Test
    void partnerCertificateOnlyAfterTheHandshake() {
        GskHandle session = openSession(initialisedEnv(clientStore, GSK_CLIENT_SESSION));
        expect(GSK_INVALID_STATE, gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, new CertDataRef(), new IntRef()));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_get_cert_info(session, 699, new CertDataRef(), new IntRef()));
    }

    private static boolean hasText(CertDataElem[] elems, int id, String text) {
        for (CertDataElem e : elems) {
            if (e.cert_data_id == id && e.text().equals(text)) {
                return true;
            }
        }
        return false;
    }

    // ---- callbacks and strerror ----

    @Test
    void callbacksOtherThanCertificateValidationAreUnsupportedAndUnknownOnesInvalid() {
        GskHandle env = openEnv();
        GskHandle session = openSession(env);
        for (CallbackAttribute id : CallbackAttribute.values()) {
            if (id == CallbackAttribute.GSK_CERT_VALIDATION_CALLBACK) {
                continue;
            }
            expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_callback(env, id.id(), new Object()));
            expect(GSK_ERROR_UNSUPPORTED, gsk_attribute_set_callback(session, id.id(), new Object()));
        }
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_callback(env, 806, new Object()));
        expect(GSK_ATTRIBUTE_INVALID_ID, gsk_attribute_set_callback(env, GSK_KEYRING_FILE, new Object()));
    }

    @Test
    void certificateValidationCallbackRegistration() {
        GskHandle env = openEnv();
        ValidationCallBack.Routine accept = (chain, status) -> GSK_OK;
        expect(GSK_OK, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(accept, GSK_VALIDATION_REQUIRED, GSK_END_ENTITY_CERTIFICATE)));
        // a wrong structure, or one without its routine, is a bad pointer
        expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK, new Object()));
        expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(null, GSK_VALIDATION_REQUIRED, GSK_END_ENTITY_CERTIFICATE)));
        expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK, null));
        // enumerations outside their lists
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(accept, 902, GSK_END_ENTITY_CERTIFICATE)));
        expect(GSK_ATTRIBUTE_INVALID_ENUMERATION, gsk_attribute_set_callback(env, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(accept, GSK_NO_VALIDATION, GSK_CLIENT_SESSION)));
        // PASSTHRU after a callback that requires validation, and the other way round
        expect(GSK_CONFLICTING_VALIDATION_SETTING, gsk_attribute_set_enum(env, GSK_SERVER_AUTH_TYPE, GSK_SERVER_AUTH_PASSTHRU));
        GskHandle other = openEnv();
        expect(GSK_OK, gsk_attribute_set_enum(other, GSK_CLIENT_AUTH_TYPE, GSK_CLIENT_AUTH_PASSTHRU));
        expect(GSK_CONFLICTING_VALIDATION_SETTING, gsk_attribute_set_callback(other, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(accept, GSK_VALIDATION_REQUIRED, GSK_END_ENTITY_CERTIFICATE)));
        // without required validation the two go together
        expect(GSK_OK, gsk_attribute_set_callback(other, GSK_CERT_VALIDATION_CALLBACK,
                new ValidationCallBack(accept, GSK_NO_VALIDATION, GSK_END_ENTITY_CERTIFICATE)));
    }

    @Test
    void strerrorIsNeverNull() {
        for (int rc : new int[] {GSK_OK, GSK_INVALID_HANDLE, GSK_ERROR_IO, SSL_ERROR_NOT_TRUSTED_ROOT, 6006, -1, 99999,
                Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            String text = gsk_strerror(rc);
            assertNotNull(text);
            assertFalse(text.isEmpty());
        }
        assertNotEquals(gsk_strerror(GSK_OK), gsk_strerror(GSK_INVALID_HANDLE));
    }

    private static void assertAll(int expected, List<IntSupplier> calls) {
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            int rc = calls.get(i).getAsInt();
            assertEquals(expected, rc, () -> "call #" + index + ": expected " + CompatFixture.name(expected)
                    + " but got " + CompatFixture.name(rc));
        }
    }
}
