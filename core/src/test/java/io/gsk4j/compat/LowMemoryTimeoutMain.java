package io.gsk4j.compat;

import static io.gsk4j.compat.Gsk.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a forked JVM with a small heap (issue 11 item 10): an asynchronous server handshake
 * waits for a ClientHello that never comes; its 2 s GSK_HANDSHAKE_TIMEOUT expires while the
 * heap is full, so the I/O thread cannot build the completion then. Once the memory is back
 * the completion must still arrive. Prints "completion=<returnValue>" or "completion=none".
 * Arguments: the server store and its password.
 */
public final class LowMemoryTimeoutMain {
    private static List<byte[]> ballast = new ArrayList<>(1 << 16);

    public static void main(String[] args) throws Exception {
        GskHandle env = new GskHandle();
        GskHandle session = new GskHandle();
        int port = QsoCreateIOCompletionPort();
        Qso_OverlappedIO_t area = new Qso_OverlappedIO_t();
        Qso_OverlappedIO_t done = new Qso_OverlappedIO_t();
        Timeval wait = new Timeval(15, 0);
        check(gsk_environment_open(env));
        check(gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_SERVER_SESSION));
        check(gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, args[0], 0));
        check(gsk_attribute_set_buffer(env, GSK_KEYRING_PW, args[1], 0));
        check(gsk_environment_init(env));
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel silent = SocketChannel.open(listener.getLocalAddress());
                 SocketChannel accepted = listener.accept()) {
                check(gsk_secure_soc_open(env, session));
                check(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(accepted)));
                check(gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, 2));
                int rc = gsk_secure_soc_startInit(session, port, area);
                if (rc != GSK_IBMI_ASYNCHRONOUS_SOC_INIT) {
                    throw new IllegalStateException("startInit " + rc);
                }
                long until = System.nanoTime() + 4_000_000_000L;
                fill();
                // a duration, not an event: the heap stays full past the 2 s handshake timeout
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (Throwable t) {
                        // nothing to do without memory
                    }
                }
                ballast = null;
                System.gc();
                int got = QsoWaitForIOCompletion(port, done, wait);
                System.out.println("completion=" + (got == 1 ? Integer.toString(done.returnValue) : "none"));
                silent.isOpen();
            }
        }
    }

    private static void check(int rc) {
        if (rc != GSK_OK) {
            throw new IllegalStateException("set-up call returned " + rc);
        }
    }

    private static void fill() {
        try {
            while (true) {
                ballast.add(new byte[16 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            // full
        }
    }
}
