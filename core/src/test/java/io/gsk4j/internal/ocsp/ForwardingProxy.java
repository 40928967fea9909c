package io.gsk4j.internal.ocsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.0 forward proxy for tests: records each request line (a client talking to a
 * proxy must use the absolute URI), rewrites it to origin form and hands the request to one fixed
 * upstream port on loopback, whatever host the URI names, so unresolvable names work.
 */
final class ForwardingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    ForwardingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "test-ocsp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread worker = new Thread(() -> relay(client), "test-ocsp-proxy-relay");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            requestLines.add(lines[0]);
            String[] parts = lines[0].split(" ");
            URI target = URI.create(parts[1]);
            String origin = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            StringBuilder rewritten = new StringBuilder(parts[0] + " " + origin + " " + parts[2] + "\r\n");
            int contentLength = 0;
            for (int i = 1; i < lines.length; i++) {
                rewritten.append(lines[i]).append("\r\n");
                if (lines[i].toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(lines[i].substring(15).trim());
                }
            }
            rewritten.append("\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(in.readNBytes(contentLength));
            up.flush();
            upstream.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException | RuntimeException e) {
            // the client sees the connection close, which is what a broken proxy looks like
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("client closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }
}
