package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.async.IoThreads;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.SharedState;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The shape of an IBM i completion-port server, ported line for line (docs/ASYNC.md shows it
 * next to its C original): one thread waits on one port and drives every connection through
 * startInit, startRecv and startSend. Half the clients are gsk4j, half the JDK's SSLSocket.
 */
@ResourceLock(SharedState.COMPLETION_PORTS)
class CompletionPortServerTest {
    private static final int CLIENTS = 24;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    /** One connection's state, carried in descriptorHandle (a C program would use a struct pointer). */
    static final class Conn {
        final SocketChannel socket;
        final GskHandle session = new GskHandle();
        final byte[] buffer = new byte[4096];

        Conn(SocketChannel socket) {
            this.socket = socket;
        }
    }

    private static Qso_OverlappedIO_t area(Conn c, byte[] buffer, int length) {
        Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
        a.descriptorHandle = c;
        a.buffer = buffer;
        a.bufferLength = length;
        a.postFlag = 1; // every result comes through the port, even when it finished at once
        return a;
    }

    /** The server loop: returns how many connections ended cleanly. */
    static int serve(int port, GskHandle env, int connections) throws Exception {
        Qso_OverlappedIO_t done = new Qso_OverlappedIO_t();
        int ended = 0;
        int clean = 0;
        while (ended < connections) {
            int rc = QsoWaitForIOCompletion(port, done, new Timeval(30, 0));
            if (rc != 1) {
                throw new AssertionError("QsoWaitForIOCompletion " + rc + " errno " + errnoName());
            }
            Conn c = (Conn) done.descriptorHandle;
            switch (done.operationCompleted) {
                case QSOPOSTIOCOMPLETION: // the acceptor handed over a new connection
                    ok(gsk_secure_soc_open(env, c.session));
                    ok(gsk_attribute_set_numeric_value(c.session, GSK_FD, gsk_fd(c.socket)));
                    rc = gsk_secure_soc_startInit(c.session, port, area(c, null, 0));
                    if (rc != GSK_IBMI_ASYNCHRONOUS_SOC_INIT) {
                        ended += finish(c);
                    }
                    break;
                case GSKSECURESOCSTARTINIT:
                    if (done.returnValue != GSK_OK || !receive(port, c)) {
                        ended += finish(c);
                    }
                    break;
                case GSKSECURESOCSTARTRECV:
                    if (done.returnValue != GSK_OK || done.secureDataTransferSize == 0) {
                        clean += done.returnValue == GSK_OK ? 1 : 0; // 0 bytes: the client's close_notify
                        ended += finish(c);
                        break;
                    }
                    rc = gsk_secure_soc_startSend(c.session, port, area(c, c.buffer, done.secureDataTransferSize));
                    if (rc != GSK_OK && rc != GSK_IBMI_ASYNCHRONOUS_SEND) {
                        ended += finish(c);
                    }
                    break;
                case GSKSECURESOCSTARTSEND:
                    if (done.returnValue != GSK_OK || !receive(port, c)) {
                        ended += finish(c);
                    }
                    break;
                default:
                    throw new AssertionError("unexpected operation " + done.operationCompleted);
            }
        }
        return clean;
    }

    private static boolean receive(int port, Conn c) {
        int rc = gsk_secure_soc_startRecv(c.session, port, area(c, c.buffer, c.buffer.length));
        return rc == GSK_OK || rc == GSK_IBMI_ASYNCHRONOUS_RECV;
    }

    private static int finish(Conn c) throws Exception {
        gsk_secure_soc_close(c.session);
        c.socket.close();
        return 1;
    }

    @Test
    void oneThreadOnOnePortServesEveryClient() throws Exception {
        Path serverStore = CompatFixture.serverStore(dir);
        Path clientStore = CompatFixture.clientStore(dir);
        GskHandle env = CompatFixture.initialisedEnv(serverStore, GSK_SERVER_SESSION);
        GskHandle clientEnv = CompatFixture.initialisedEnv(clientStore, GSK_CLIENT_SESSION);
        SSLContext jdk = JdkPeer.context(null, CompatFixture.ROOT.certificate());
        int port = QsoCreateIOCompletionPort();
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CLIENTS)) {
            JdkPeer.Running<Void> acceptor = JdkPeer.start(() -> {
                for (int i = 0; i < CLIENTS; i++) {
                    Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
                    a.descriptorHandle = new Conn(listener.accept());
                    assertEquals(0, QsoPostIOCompletion(port, a));
                }
                return null;
            });
            List<JdkPeer.Running<String>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String text = "client " + i;
                boolean useJdk = i % 2 == 1;
                clients.add(JdkPeer.start(() -> useJdk ? jdkClient(jdk, listener, text) : gskClient(clientEnv, listener, text)));
            }
            int clean = serve(port, env, CLIENTS);
            acceptor.result();
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals("client " + i, clients.get(i).result());
            }
            assertTrue(clean >= CLIENTS / 2, "the gsk4j clients at least end with close_notify: " + clean);
        } finally {
            assertEquals(0, QsoDestroyIOCompletionPort(port));
            ok(gsk_environment_close(env));
            ok(gsk_environment_close(clientEnv));
        }
        assertEquals(0, IoThreads.running());
    }

    private static String gskClient(GskHandle env, ServerSocketChannel listener, String text) throws Exception {
        try (SocketChannel ch = SocketChannel.open(listener.getLocalAddress())) {
            GskHandle s = new GskHandle();
            ok(gsk_secure_soc_open(env, s));
            ok(gsk_attribute_set_numeric_value(s, GSK_FD, gsk_fd(ch)));
            ok(gsk_attribute_set_numeric_value(s, GSK_HANDSHAKE_TIMEOUT, 30));
            ok(gsk_secure_soc_init(s));
            byte[] msg = text.getBytes(StandardCharsets.US_ASCII);
            byte[] back = new byte[msg.length];
            IntRef n = new IntRef();
            for (int r = 0; r < ROUNDS; r++) {
                ok(gsk_secure_soc_write(s, msg, msg.length, n));
                int got = 0;
                while (got < back.length) {
                    byte[] part = new byte[back.length - got];
                    ok(gsk_secure_soc_read(s, part, part.length, n));
                    assertTrue(n.value > 0, "the echo ended early");
                    System.arraycopy(part, 0, back, got, n.value);
                    got += n.value;
                }
            }
            ok(gsk_secure_soc_close(s)); // close_notify: the server's receive completes with 0 bytes
            return new String(back, StandardCharsets.US_ASCII);
        }
    }

    private static String jdkClient(SSLContext ctx, ServerSocketChannel listener, String text) throws Exception {
        InetSocketAddress at = (InetSocketAddress) listener.getLocalAddress();
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(at.getAddress(), at.getPort())) {
            s.setSoTimeout(30_000);
            byte[] msg = text.getBytes(StandardCharsets.US_ASCII);
            byte[] back = new byte[msg.length];
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int r = 0; r < ROUNDS; r++) {
                out.write(msg);
                out.flush();
                in.readFully(back);
            }
            return new String(back, StandardCharsets.US_ASCII);
        }
    }
}
