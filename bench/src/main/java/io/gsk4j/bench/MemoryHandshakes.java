package io.gsk4j.bench;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Handshakes with a client and a server engine in the calling thread and no sockets: records
 * go from one engine's wrap straight into the other's unwrap, delegated tasks run inline. Each
 * handshake ends with one byte of application data from the server (as on loopback), which
 * also carries a TLS 1.3 client past the session ticket. The figure is handshakes per CPU-second
 * of this one thread: nothing else takes part, so load from other processes changes it little.
 */
final class MemoryHandshakes {
    private static final int MAX_STEPS = 200;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private MemoryHandshakes() {
    }

    /**
     * @param configure applied to each new engine before its handshake (protocol and suite pins
     *     for plain JSSE; nothing for gsk4j, whose context starts from its environment's settings)
     */
    static Sample run(SSLContext client, SSLContext server, Consumer<SSLEngine> configure, boolean resumed, long nanos)
            throws SSLException {
        if (resumed) {
            once(client, server, configure, false); // leaves a session to resume
        }
        long ops = 0;
        int unexpected = 0;
        long cpu0 = Cpu.thread();
        long start = System.nanoTime();
        long end = start + nanos;
        do {
            if (once(client, server, configure, !resumed) != resumed) {
                unexpected++;
            }
            ops++;
        } while (System.nanoTime() < end);
        long cpu = Cpu.thread() - cpu0;
        Sample s = Sample.of(ops / (cpu / 1e9), cpu / 1e3 / ops);
        return unexpected == 0 ? s : s.withAnomaly(unexpected + " of " + ops + " handshakes " + (resumed ? "not resumed" : "resumed"));
    }

    /** One handshake and one byte; returns whether the client resumed. */
    private static boolean once(SSLContext clientContext, SSLContext serverContext, Consumer<SSLEngine> configure,
            boolean forget) throws SSLException {
        long began = System.currentTimeMillis();
        SSLEngine c = clientContext.createSSLEngine("localhost", 443); // one peer name and port: the client cache's key
        c.setUseClientMode(true);
        configure.accept(c);
        SSLEngine s = serverContext.createSSLEngine();
        s.setUseClientMode(false);
        configure.accept(s);
        int net = Math.max(c.getSession().getPacketBufferSize(), s.getSession().getPacketBufferSize());
        int app = Math.max(c.getSession().getApplicationBufferSize(), s.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(net * 2);
        ByteBuffer toClient = ByteBuffer.allocate(net * 2);
        ByteBuffer clientApp = ByteBuffer.allocate(app);
        ByteBuffer serverApp = ByteBuffer.allocate(app);
        c.beginHandshake();
        s.beginHandshake();
        int steps = 0;
        while (handshaking(c) || handshaking(s)) {
            step(c, toClient, toServer, clientApp);
            step(s, toServer, toClient, serverApp);
            if (++steps > MAX_STEPS) {
                throw new SSLException("the in-memory handshake did not finish: client " + c.getHandshakeStatus()
                        + ", server " + s.getHandshakeStatus());
            }
        }
        s.wrap(ByteBuffer.wrap(new byte[] {42}), toClient);
        while (clientApp.position() == 0) {
            toClient.flip();
            SSLEngineResult r = c.unwrap(toClient, clientApp);
            toClient.compact();
            runTasks(c);
            if (r.bytesConsumed() == 0 && clientApp.position() == 0) {
                throw new SSLException("the client read no application byte: " + r);
            }
        }
        boolean resumed = c.getSession().getCreationTime() < began;
        if (forget) {
            c.getSession().invalidate();
            s.getSession().invalidate();
        }
        return resumed;
    }

    private static boolean handshaking(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs != HandshakeStatus.NOT_HANDSHAKING && hs != HandshakeStatus.FINISHED;
    }

    /** Everything one engine can do now: wrap while it wants to, unwrap what the peer sent. */
    private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        for (int i = 0; i < MAX_STEPS; i++) {
            switch (e.getHandshakeStatus()) {
                case NEED_TASK:
                    runTasks(e);
                    break;
                case NEED_WRAP:
                    e.wrap(EMPTY, out);
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    in.flip();
                    SSLEngineResult r = e.unwrap(in, app);
                    in.compact();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                            || r.bytesConsumed() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return; // waits for the peer
                    }
                    break;
                default:
                    return;
            }
        }
    }

    private static void runTasks(SSLEngine e) {
        for (Runnable t; (t = e.getDelegatedTask()) != null; ) {
            t.run();
        }
    }
}
