package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.Completion;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.IoThreads;
import io.gsk4j.async.PortDestroyedException;
import io.gsk4j.async.Started;
import io.gsk4j.attr.EnumValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of the scale run, in its own JVM (each process may hold only so many
 * descriptors): opens the sessions asynchronously, echoes one message on each, keeps them
 * idle, closes them on command. Talks to {@link ScaleRun} in lines on stdin/stdout.
 */
public final class ScaleClients {
    private static final byte[] MESSAGE = "gsk4j scale run: echo me".getBytes(StandardCharsets.US_ASCII);

    private final Environment env;
    private final InetSocketAddress server;
    private final CompletionPort port;
    private final Semaphore inFlight;
    private final AtomicInteger echoed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Conn> conns = new ArrayList<>();

    private static final class Conn {
        final SocketChannel channel;
        final Session session;
        final ByteBuffer in = ByteBuffer.allocate(MESSAGE.length);

        Conn(SocketChannel channel, Session session) {
            this.channel = channel;
            this.session = session;
        }
    }

    private ScaleClients(Environment env, InetSocketAddress server, int maxInFlight) throws GskException {
        this.env = env;
        this.server = server;
        this.port = CompletionPort.open();
        this.inFlight = new Semaphore(maxInFlight);
        Thread t = new Thread(this::completions, "bench-client-completions");
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        IoThreads.configure(args.integer("io-threads", IoThreads.MAX));
        Environment env = BenchPki.environment(EnumValue.GSK_CLIENT_SESSION, Path.of(args.text("store", "")));
        InetSocketAddress server = new InetSocketAddress(args.text("host", "127.0.0.1"), args.integer("port", 0));
        ScaleClients clients = new ScaleClients(env, server, args.integer("in-flight", 256));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));

        long t0 = System.nanoTime();
        clients.open(args.integer("warmup", 0));
        clients.closeAll();
        say("WARMED " + millisSince(t0));

        expect(commands, "CONNECT");
        int sessions = args.integer("sessions", 10_000);
        t0 = System.nanoTime();
        clients.open(sessions);
        say("ESTABLISHED " + clients.echoed.get() + " " + clients.failed.get() + " " + millisSince(t0)
                + " " + IoThreads.running());

        expect(commands, "CLOSE");
        t0 = System.nanoTime();
        int closed = clients.closeAll();
        say("CLOSED " + closed + " " + millisSince(t0));
        clients.port.destroy();
        say("DONE");
    }

    /** Opens {@code n} sessions (at most in-flight handshakes at once) and waits until each echoed. */
    private void open(int n) throws Exception {
        int echoedBefore = echoed.get();
        int failedBefore = failed.get();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            SocketChannel ch = SocketChannel.open(server);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Session s = env.openSession();
            s.attach(ch);
            Conn c = new Conn(ch, s);
            synchronized (conns) {
                conns.add(c);
            }
            s.startHandshake(port, AsyncOptions.attach(c));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (echoed.get() - echoedBefore + failed.get() - failedBefore < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private int closeAll() throws IOException {
        List<Conn> all;
        synchronized (conns) {
            all = new ArrayList<>(conns);
            conns.clear();
        }
        for (Conn c : all) {
            c.session.close(); // close_notify: the server's pending receive ends with 0 bytes
            c.channel.close();
        }
        return all.size();
    }

    private void completions() {
        try {
            while (true) {
                Completion c = port.take();
                while (c != null) {
                    c = handle(c);
                }
            }
        } catch (PortDestroyedException | InterruptedException e) {
            // finished
        }
    }

    private Completion handle(Completion c) {
        Conn conn = (Conn) c.attachment();
        if (!c.succeeded()) {
            failed.incrementAndGet();
            inFlight.release();
            System.err.println("client: " + c);
            return null;
        }
        try {
            switch (c.kind()) {
                case HANDSHAKE:
                    Started sent = conn.session.startSend(port, ByteBuffer.wrap(MESSAGE), AsyncOptions.attach(conn));
                    return sent.pending() ? null : sent.completion();
                case SEND:
                    Started got = conn.session.startReceive(port, conn.in, AsyncOptions.attach(conn).withFillBuffer(true));
                    return got.pending() ? null : got.completion();
                case RECEIVE:
                    if (c.bytes() == MESSAGE.length && Arrays.equals(MESSAGE, conn.in.array())) {
                        echoed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    inFlight.release(); // now idle: no operation pending on this session
                    return null;
                default:
                    return null;
            }
        } catch (GskException e) {
            failed.incrementAndGet();
            inFlight.release();
            return null;
        }
    }

    private static void expect(BufferedReader in, String command) throws IOException {
        String line = in.readLine();
        if (!command.equals(line)) {
            throw new IllegalStateException("expected " + command + ", got " + line);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
