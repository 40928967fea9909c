package io.gsk4j.compat;

import static io.gsk4j.compat.Gsk.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Run in a forked JVM with a small heap (issue 11 item 10): the process's first handshake
 * runs with the heap all but full (the server side asynchronous: its completion is awaited
 * once the memory is given back), then a second handshake with the memory back. Prints one line per
 * attempt with every gsk_* call's return code, then "escaped:" and what left a call, if
 * anything did. Arguments: server store, client store, their password, KiB to leave free.
 * Everything the harness itself needs is allocated before the heap is filled.
 */
public final class LowMemoryHandshakeMain {
    private static final String[] NAMES = {"senv_open", "senv_type", "senv_file", "senv_pw", "senv_init",
        "cenv_open", "cenv_type", "cenv_file", "cenv_pw", "cenv_init", "s_open", "s_fd", "s_timeout",
        "c_open", "c_fd", "c_timeout", "s_startInit", "c_init", "s_init", "c_close", "s_close", "cenv_close", "senv_close"};
    private static List<byte[]> ballast = new ArrayList<>(1 << 16);
    private static final Throwable[] ESCAPED = new Throwable[2 * NAMES.length];

    private static final class Attempt {
        final int[] rcs = new int[NAMES.length];
        final GskHandle serverEnv = new GskHandle();
        final GskHandle clientEnv = new GskHandle();
        final GskHandle server = new GskHandle();
        final GskHandle client = new GskHandle();
        final SocketChannel[] link;
        final IntSupplier[] calls;
        final int slot;
        final int port = QsoCreateIOCompletionPort();
        final Qso_OverlappedIO_t area = new Qso_OverlappedIO_t();
        final Qso_OverlappedIO_t done = new Qso_OverlappedIO_t();
        final Timeval wait = new Timeval(20, 0);

        Attempt(int slot, String serverStore, String clientStore, String password) throws Exception {
            this.slot = slot;
            // 3 s ends a first attempt stuck without memory quickly; the second, with memory back, must
            // not time out on a loaded machine (a 16 MiB heap collecting constantly at load 10 took > 3 s)
            int handshakeSeconds = slot == 0 ? 3 : 20;
            link = link();
            calls = new IntSupplier[] {
                () -> gsk_environment_open(serverEnv),
                () -> gsk_attribute_set_enum(serverEnv, GSK_SESSION_TYPE, GSK_SERVER_SESSION),
                () -> gsk_attribute_set_buffer(serverEnv, GSK_KEYRING_FILE, serverStore, 0),
                () -> gsk_attribute_set_buffer(serverEnv, GSK_KEYRING_PW, password, 0),
                () -> gsk_environment_init(serverEnv),
                () -> gsk_environment_open(clientEnv),
                () -> gsk_attribute_set_enum(clientEnv, GSK_SESSION_TYPE, GSK_CLIENT_SESSION),
                () -> gsk_attribute_set_buffer(clientEnv, GSK_KEYRING_FILE, clientStore, 0),
                () -> gsk_attribute_set_buffer(clientEnv, GSK_KEYRING_PW, password, 0),
                () -> gsk_environment_init(clientEnv),
                () -> gsk_secure_soc_open(serverEnv, server),
                () -> gsk_attribute_set_numeric_value(server, GSK_FD, gsk_fd(link[0])),
                () -> gsk_attribute_set_numeric_value(server, GSK_HANDSHAKE_TIMEOUT, handshakeSeconds),
                () -> gsk_secure_soc_open(clientEnv, client),
                () -> gsk_attribute_set_numeric_value(client, GSK_FD, gsk_fd(link[1])),
                () -> gsk_attribute_set_numeric_value(client, GSK_HANDSHAKE_TIMEOUT, handshakeSeconds),
                () -> gsk_secure_soc_startInit(server, port, area), // the server side asynchronous
                () -> gsk_secure_soc_init(client),
                // the server's completion, once memory is back; -998: none within 20 s (lost)
                () -> rcs[16] != GSK_IBMI_ASYNCHRONOUS_SOC_INIT ? rcs[16]
                        : giveMemoryBack() && QsoWaitForIOCompletion(port, done, wait) == 1 ? done.returnValue : -998,
                () -> gsk_secure_soc_close(client),
                () -> gsk_secure_soc_close(server),
                () -> gsk_environment_close(clientEnv),
                () -> gsk_environment_close(serverEnv),
            };
        }

        void call(int i) {
            try {
                rcs[i] = calls[i].getAsInt();
            } catch (Throwable t) {
                ballast = null; // room to go on
                ESCAPED[slot * NAMES.length + i] = t;
                rcs[i] = -999;
            }
        }

        void run() throws Exception {
            for (int i = 0; i < NAMES.length; i++) {
                call(i);
            }
            try {
                link[0].close();
                link[1].close();
                QsoDestroyIOCompletionPort(port);
            } catch (Throwable t) {
                ballast = null; // the harness's own bookkeeping, not a gsk_* call
            }
        }

        String line() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < NAMES.length; i++) {
                b.append(' ').append(NAMES[i]).append('=').append(rcs[i]);
            }
            return b.toString();
        }
    }

    private static boolean giveMemoryBack() {
        ballast = null;
        return true;
    }

    public static void main(String[] args) throws Exception {
        int leaveKib = Integer.parseInt(args[3]);
        Attempt first = new Attempt(0, args[0], args[1], args[2]);
        Attempt second = new Attempt(1, args[0], args[1], args[2]);
        // a program has called into gsk4j before its first handshake (the class itself is loaded:
        // a JVM failing to load a class a caller names throws in the caller, before any gsk4j code)
        errno();
        fill(leaveKib);
        try {
            first.run();
        } catch (Throwable harness) {
            ballast = null;
        }
        ballast = null;
        System.gc();
        second.run();
        System.out.println("first:" + first.line());
        System.out.println("second:" + second.line());
        StringBuilder escaped = new StringBuilder("escaped:");
        for (int i = 0; i < ESCAPED.length; i++) {
            if (ESCAPED[i] != null) {
                escaped.append(' ').append(i < NAMES.length ? "first." : "second.").append(NAMES[i % NAMES.length])
                        .append('=').append(ESCAPED[i].getClass().getName());
            }
        }
        System.out.println(escaped);
        for (Throwable t : ESCAPED) {
            if (t != null) {
                t.printStackTrace();
            }
        }
    }

    private static SocketChannel[] link() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            return new SocketChannel[] {listener.accept(), client};
        }
    }

    /** Takes the heap in 16 KiB pieces until it is full, then gives back {@code leaveKib}. */
    private static void fill(int leaveKib) {
        try {
            while (true) {
                ballast.add(new byte[16 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            for (int i = 0; i < leaveKib / 16 && !ballast.isEmpty(); i++) {
                ballast.remove(ballast.size() - 1);
            }
        }
    }
}
