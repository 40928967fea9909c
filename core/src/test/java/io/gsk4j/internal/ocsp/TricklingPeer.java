package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP "responder" that never finishes: it sends a plausible answer head one byte every
 * 100 ms, forever, or (with {@code bodyToo}) a whole head and then the body that way. Each read
 * succeeds quickly, so only an overall time budget stops a client; {@link #dropped()} counts
 * down when the client has closed the connection.
 */
final class TricklingPeer implements AutoCloseable {
    private static final byte[] HEAD = ("HTTP/1.0 200 OK\r\nContent-Type: application/ocsp-response\r\n"
            + "X-Filler: " + "a".repeat(8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private static final byte[] BODY_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\n"
            + "Content-Length: 10000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final boolean bodyToo;
    private final CountDownLatch dropped = new CountDownLatch(1);

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

    /** Counts down when a write fails because the client dropped the connection. */
    CountDownLatch dropped() {
        return dropped;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
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
                dropped.countDown(); // client gave up, or we are closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
