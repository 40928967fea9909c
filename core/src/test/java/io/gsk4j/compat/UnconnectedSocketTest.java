package io.gsk4j.compat;

import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.support.SharedState;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A TCP socket that was never bound nor connected is still TCP: gsk_secure_soc_init (and
 * startInit) answer 406 GSK_ERROR_IO with errno ENOTCONN, not 6009 (issue 11 item 9). A
 * Unix-domain stream socket, bound or not, stays "not TCP".
 */
@ResourceLock(SharedState.COMPLETION_PORTS)
class UnconnectedSocketTest {
    @TempDir
    Path dir;

    @Test
    void anUnboundUnconnectedTcpSocketIsNotConnectedRatherThanNotTcp() throws Exception {
        GskHandle env = CompatFixture.initialisedEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION);
        try (SocketChannel fresh = SocketChannel.open()) {
            GskHandle session = CompatFixture.openSession(env);
            CompatFixture.ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(fresh)));
            CompatFixture.expect(GSK_ERROR_IO, gsk_secure_soc_init(session));
            assertEquals(ENOTCONN, errno());
            gsk_secure_soc_close(session);
        }
        int port = QsoCreateIOCompletionPort();
        try (SocketChannel fresh = SocketChannel.open()) {
            GskHandle session = CompatFixture.openSession(env);
            CompatFixture.ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(fresh)));
            CompatFixture.expect(GSK_ERROR_IO, gsk_secure_soc_startInit(session, port, new Qso_OverlappedIO_t()));
            assertEquals(ENOTCONN, errno());
            gsk_secure_soc_close(session);
        } finally {
            QsoDestroyIOCompletionPort(port);
            gsk_environment_close(env);
        }
    }

    @Test
    void anUnboundUnixDomainSocketIsStillNotTcp() throws Exception {
        GskHandle env = CompatFixture.initialisedEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION);
        try (SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            GskHandle session = CompatFixture.openSession(env);
            CompatFixture.ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(unix)));
            CompatFixture.expect(GSK_IBMI_ERROR_NOT_TCP, gsk_secure_soc_init(session));
            gsk_secure_soc_close(session);
        } finally {
            gsk_environment_close(env);
        }
    }
}
