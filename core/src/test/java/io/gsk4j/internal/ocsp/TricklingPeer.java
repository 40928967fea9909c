package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP "responder" that never finishes: it sends a plausible answer head one byte every
 * 100 ms, forever, or (with {@code bodyToo}) a whole head and then the body that way. Each read
 * succeeds quickly, so only an overall time budget stops a client. {@link #allDroppedWithin}
 * tells whether the client closed every connection it opened (one it gave up on before
 * connecting never counts).
 */
final class TricklingPeer implements AutoCloseable {
    private static final byte[] HEAD = ("HTTP/1.0 200 OK\r\nContent-Type: application/ocsp-response\r\n"
            + "X-Filler: " + "a".repeat(8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private static final byte[] BODY_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\n"
            + "Content-Length: 10000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final boolean bodyToo;
    private final AtomicInteger open = new AtomicInteger();

    TricklingPeer() throws IOException {
        this(false);
    }

    TricklingPeer(boolean bodyToo) throws IOException {
        this.bodyToo = bodyToo;
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "test-ocsp-trickle");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** Polls until no accepted connection is still open, at most {@code wait}. */
    boolean allDroppedWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (open.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20); // polling a condition under a deadline, not standing in for an event
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                open.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                if (bodyToo) {
                    out.write(BODY_HEAD);
                }
                for (int i = 0; !listener.isClosed(); i = (i + 1) % HEAD.length) {
                    out.write(bodyToo ? 0x30 : HEAD[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                open.set(0); // one connection at a time: the client gave up (a write failed), or we are closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
