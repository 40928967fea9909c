package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP "responder" that never finishes: it sends a plausible answer head one byte every
 * 100 ms, forever. Each read succeeds quickly, so only an overall time budget stops a client.
 */
final class TricklingPeer implements AutoCloseable {
    private static final byte[] HEAD = ("HTTP/1.0 200 OK\r\nContent-Type: application/ocsp-response\r\n"
            + "X-Filler: " + "a".repeat(8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;

    TricklingPeer() throws IOException {
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "test-ocsp-trickle");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; !listener.isClosed(); i = (i + 1) % HEAD.length) {
                    out.write(HEAD[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                // client gave up, or we are closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
