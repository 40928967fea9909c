import io.gsk4j.Environment;
import io.gsk4j.Session;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time per handshake on the client thread and on the server thread (ThreadMXBean), full and
 * resumed, TLS 1.3 and 1.2, both ends gsk4j in one JVM on loopback, an ECDSA P-256 chain with an
 * intermediate, the server asking for the client's certificate (both ends validate). Medians of
 * the rounds, after one warm-up round. Thread CPU time barely moves with the machine's load, so
 * before and after a change compare on a busy machine (docs/BENCHMARKS.md, issue 16).
 * A single-file program (the test PKI comes from core's test classes):
 *
 * <pre>mvn -q -B -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) docs/tools/HandshakeCpu.java 300 3</pre>
 *
 * Arguments: handshakes per round (300), rounds (3), and optionally which scenarios
 * ("TLS1.3-resumed,TLS1.2-full").
 */
public final class HandshakeCpu {
    static final String PW = "measure-secret";
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a.length > 0 ? a[0] : "400");
        int rounds = Integer.parseInt(a.length > 1 ? a[1] : "3");
        Path dir = Files.createTempDirectory("hcpu");
        TestPki.Ca ca = TestPki.rootCa("Measure CA", KeyType.EC_P256);
        TestPki.Ca inter = ca.intermediate("Measure Intermediate", KeyType.EC_P256);
        TestPki.Credential server = inter.issueServer("localhost", KeyType.EC_P256, "localhost");
        TestPki.Credential client = inter.issueClient("client", KeyType.EC_P256);
        Path s = TestPki.pkcs12().key("server", server).trusted("root", ca.certificate()).write(dir.resolve("s.p12"), PW.toCharArray());
        Path c = TestPki.pkcs12().key("client", client).trusted("root", ca.certificate()).write(dir.resolve("c.p12"), PW.toCharArray());
        for (boolean tls13 : new boolean[] {true, false}) {
            for (boolean resume : new boolean[] {false, true}) {
                String label = (tls13 ? "TLS1.3" : "TLS1.2") + (resume ? "-resumed" : "-full");
                if (a.length > 2 && !a[2].contains(label)) {
                    continue;
                }
                Environment se = env(EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH, s, tls13);
                Environment ce = env(EnumValue.GSK_CLIENT_SESSION, c, tls13);
                run(se, ce, n, resume); // warm-up
                List<Double> cl = new ArrayList<>(), sv = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    double[] x = run(se, ce, n, resume);
                    cl.add(x[0]);
                    sv.add(x[1]);
                }
                Collections.sort(cl);
                Collections.sort(sv);
                System.out.printf("%s %-7s client %.3f ms/hs (min %.3f max %.3f)  server %.3f ms/hs (min %.3f max %.3f)%n",
                        tls13 ? "TLS1.3" : "TLS1.2", resume ? "resumed" : "full", cl.get(cl.size() / 2), cl.get(0),
                        cl.get(cl.size() - 1), sv.get(sv.size() / 2), sv.get(0), sv.get(sv.size() - 1));
                se.close();
                ce.close();
            }
        }
    }

    static Environment env(EnumValue type, Path store, boolean tls13) throws Exception {
        Environment env = Environment.open();
        env.set(EnumAttribute.GSK_SESSION_TYPE, type);
        env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
        env.set(BufferAttribute.GSK_KEYRING_PW, PW);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 120);
        env.set(tls13 ? EnumAttribute.GSK_PROTOCOL_TLSV12 : EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        env.init();
        return env;
    }

    /** {client ms CPU per handshake, server ms CPU per handshake} */
    static double[] run(Environment se, Environment ce, int n, boolean resume) throws Exception {
        AtomicLong serverCpu = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        try (ServerSocketChannel l = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64)) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < n + 1; i++) {
                    try (SocketChannel ch = l.accept()) {
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        long t0 = MX.getCurrentThreadCpuTime();
                        Session ss = se.openSession();
                        ss.attach(ch);
                        ss.handshake();
                        ss.write(java.nio.ByteBuffer.wrap(new byte[] {1})); // TLS 1.3 tickets travel after the handshake
                        if (!resume) {
                            ss.misc(MiscId.GSK_RESET_SESSION);
                        }
                        ss.close();
                        if (i > 0) {
                            serverCpu.addAndGet(MX.getCurrentThreadCpuTime() - t0);
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        return;
                    }
                }
            });
            t.start();
            long cpu = 0;
            for (int i = 0; i < n + 1; i++) {
                try (SocketChannel ch = SocketChannel.open(l.getLocalAddress())) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    long t0 = MX.getCurrentThreadCpuTime();
                    Session cs = ce.openSession();
                    cs.attach(ch);
                    cs.handshake();
                    java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
                    while (one.hasRemaining() && cs.read(one) >= 0) { }
                    boolean first = cs.getEnum(EnumAttribute.GSK_SID_FIRST) == EnumValue.GSK_SID_IS_FIRST;
                    if (i > 0 && first == resume) {
                        wrong.incrementAndGet();
                    }
                    if (!resume) {
                        cs.misc(MiscId.GSK_RESET_SESSION);
                    }
                    cs.close();
                    if (i > 0) {
                        cpu += MX.getCurrentThreadCpuTime() - t0;
                    }
                }
            }
            t.join();
            if (wrong.get() > 0) {
                System.out.println("  (" + wrong.get() + " handshakes were not " + (resume ? "resumed" : "full") + ")");
            }
            return new double[] {cpu / 1e6 / n, serverCpu.get() / 1e6 / n};
        }
    }
}
