package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gsk_secure_soc_misc(GSK_RESET_CIPHER = 100, GSK_RESET_CIPHER_WITHNEWSESSION = 103) through
 * the C API, gsk4j on both ends: the client resets, the server only reads and echoes, and
 * data flows after each reset (TLS 1.3 key updates, TLS 1.2 renegotiations).
 */
class CompatResetCipherTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theClientResetsAndAnEchoingServerFollows(boolean tls13) throws Exception {
        Path serverStore = CompatFixture.serverStore(dir);
        Path clientStore = CompatFixture.clientStore(dir);
        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            Future<Integer> echoed = serverThread.submit(() -> {
                GskHandle env = CompatFixture.initialisedEnv(serverStore, GSK_SERVER_SESSION);
                GskHandle s = CompatFixture.openSession(env);
                ok(gsk_attribute_set_numeric_value(s, GSK_FD, gsk_fd(link.server)));
                ok(gsk_attribute_set_numeric_value(s, GSK_IBMI_READ_TIMEOUT, 20_000));
                ok(gsk_secure_soc_init(s));
                byte[] buf = new byte[64];
                IntRef n = new IntRef();
                int total = 0;
                while (true) {
                    ok(gsk_secure_soc_read(s, buf, buf.length, n));
                    if (n.value == 0) {
                        break;
                    }
                    total += n.value;
                    ok(gsk_secure_soc_write(s, buf, n.value, new IntRef()));
                }
                ok(gsk_secure_soc_close(s));
                ok(gsk_environment_close(env));
                return total;
            });
            GskHandle env = CompatFixture.openEnv(clientStore, GSK_CLIENT_SESSION);
            ok(gsk_attribute_set_enum(env, 4030, tls13 ? GSK_TRUE : GSK_FALSE)); // GSK_PROTOCOL_TLSV13
            ok(gsk_environment_init(env));
            GskHandle c = CompatFixture.openSession(env);
            ok(gsk_attribute_set_numeric_value(c, GSK_FD, gsk_fd(link.client)));
            ok(gsk_attribute_set_numeric_value(c, GSK_IBMI_READ_TIMEOUT, 20_000));
            ok(gsk_secure_soc_init(c));
            IntRef used = new IntRef();
            ok(gsk_attribute_get_enum(c, GSK_PROTOCOL_USED, used));
            assertEquals(tls13 ? GSK_PROTOCOL_USED_TLSV13 : GSK_PROTOCOL_USED_TLSV12, used.value);
            echo(c, "before");
            expect(GSK_OK, gsk_secure_soc_misc(c, 100)); // GSK_RESET_CIPHER
            echo(c, "after-reset");
            expect(GSK_OK, gsk_secure_soc_misc(c, 103)); // GSK_RESET_CIPHER_WITHNEWSESSION
            echo(c, "after-new-session");
            expect(GSK_OK, gsk_secure_soc_misc(c, 102)); // GSK_CLOSE_NOTIFY
            assertEquals("before".length() + "after-reset".length() + "after-new-session".length(),
                    echoed.get(30, TimeUnit.SECONDS));
            ok(gsk_secure_soc_close(c));
            ok(gsk_environment_close(env));
        } finally {
            serverThread.shutdownNow();
            serverThread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void echo(GskHandle c, String text) {
        byte[] out = text.getBytes(StandardCharsets.US_ASCII);
        IntRef n = new IntRef();
        ok(gsk_secure_soc_write(c, out, out.length, n));
        assertEquals(out.length, n.value);
        byte[] in = new byte[out.length];
        int got = 0;
        while (got < in.length) {
            byte[] buf = new byte[in.length - got];
            ok(gsk_secure_soc_read(c, buf, buf.length, n));
            System.arraycopy(buf, 0, in, got, n.value);
            got += n.value;
        }
        assertEquals(text, new String(in, StandardCharsets.US_ASCII));
    }
}
