package io.gsk4j.boringssl;

import io.gsk4j.Environment;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.HandshakeSetup;
import io.gsk4j.internal.certs.EngineBindings;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;

/**
 * Not a test: CPU time per full TLS 1.3 ECDSA P-256 handshake, client and server engines of
 * gsk4j environments in one thread, no sockets, SunJSSE and BoringSSL alternating (A/B/A/B).
 * Run: {@code java -cp <boringssl test class path> io.gsk4j.boringssl.HandshakeCpuMain [handshakes per round] [rounds]}.
 * It reaches the environments' snapshots reflectively (tests run on the class path).
 */
public final class HandshakeCpuMain {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HandshakeCpuMain() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("gsk4j-cpu");
        Ca ca = TestPki.rootCa("CPU CA", KeyType.EC_P256);
        Path serverStore = Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate());
        Path clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
        Pair jsse = new Pair(dir, serverStore, clientStore, EnumValue.GSK4J_TLS_ENGINE_JSSE);
        Pair boring = new Pair(dir, serverStore, clientStore, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
        System.out.println("engines: " + jsse.client.engine() + " / " + boring.client.engine());
        jsse.run(perRound); // warm-up
        boring.run(perRound);
        for (int r = 0; r < rounds; r++) {
            Pair first = r % 2 == 0 ? jsse : boring;
            Pair second = r % 2 == 0 ? boring : jsse;
            for (Pair p : new Pair[] {first, second}) {
                long micros = p.run(perRound);
                System.out.printf("round %d %-9s %7.1f us CPU per handshake (both ends), %s%n", r, p.name,
                        micros / (double) perRound, p.lastSuite);
            }
        }
    }

    /** A server and a client environment on one engine. */
    private static final class Pair {
        final String name;
        final Environment server;
        final Environment client;
        private int port = 1;
        String lastSuite = "";

        Pair(Path dir, Path serverStore, Path clientStore, EnumValue engine) throws Exception {
            server = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
            client = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            for (Environment e : new Environment[] {server, client}) {
                e.set(EnumAttribute.GSK4J_TLS_ENGINE, engine);
                e.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
                e.init();
            }
            name = client.engine().name();
        }

        /** Thread CPU microseconds for {@code n} full handshakes (each to a new port: nothing resumes). */
        long run(int n) throws Exception {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                handshake(port++);
            }
            return (CPU.getCurrentThreadCpuTime() - start) / 1000;
        }

        private void handshake(int peerPort) throws Exception {
            EnvironmentSnapshot s = snapshot(server);
            EnvironmentSnapshot c = snapshot(client);
            SSLEngine se = engine(s, false, peerPort);
            SSLEngine ce = engine(c, true, peerPort);
            ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
            ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            ce.beginHandshake();
            se.beginHandshake();
            for (int steps = 0; !(done(ce) && done(se)); steps++) {
                if (steps > 1000) {
                    throw new IllegalStateException("no progress: " + ce.getHandshakeStatus() + " / " + se.getHandshakeStatus());
                }
                step(ce, s2c, c2s, app);
                step(se, c2s, s2c, app);
            }
            lastSuite = ce.getSession().getProtocol() + " " + ce.getSession().getCipherSuite();
            s.bindings().unbind(se);
            c.bindings().unbind(ce);
        }

        private static EnvironmentSnapshot snapshot(Environment env) throws ReflectiveOperationException {
            java.lang.reflect.Method m = Environment.class.getDeclaredMethod("snapshot");
            m.setAccessible(true);
            return (EnvironmentSnapshot) m.invoke(env);
        }

        private static SSLEngine engine(EnvironmentSnapshot env, boolean client, int port) throws Exception {
            SSLEngine e = env.engines().createEngine(client, "localhost", port);
            SSLParameters p = e.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3"});
            e.setSSLParameters(p);
            env.bindings().bind(e, HandshakeSetup.binding(env, env.values(), env.keyMaterial(), env.validator(), client,
                    EngineBindings.newAlias(), null));
            return e;
        }

        private static boolean done(SSLEngine e) {
            HandshakeStatus h = e.getHandshakeStatus();
            return h == HandshakeStatus.NOT_HANDSHAKING || h == HandshakeStatus.FINISHED;
        }

        private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws Exception {
            while (true) {
                HandshakeStatus h = e.getHandshakeStatus();
                if (h == HandshakeStatus.NEED_TASK) {
                    Runnable t;
                    while ((t = e.getDelegatedTask()) != null) {
                        t.run();
                    }
                } else if (h == HandshakeStatus.NEED_WRAP) {
                    e.wrap(ByteBuffer.allocate(0), out);
                } else if (h == HandshakeStatus.NEED_UNWRAP || h == HandshakeStatus.NEED_UNWRAP_AGAIN) {
                    in.flip();
                    int before = in.remaining();
                    e.unwrap(in, app.clear());
                    boolean progress = in.remaining() < before;
                    in.compact();
                    if (!progress && e.getHandshakeStatus() == h) {
                        return; // waits for the other side
                    }
                } else {
                    return;
                }
            }
        }
    }
}
