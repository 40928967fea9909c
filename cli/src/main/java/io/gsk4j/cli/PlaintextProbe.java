package io.gsk4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Looks at a port that did not answer in TLS, over a plain TCP connection: what does it say
 * on its own (SMTP, FTP and SSH greet first), and what does it answer to a ClientHello (an
 * HTTP server sends "400 Bad Request")? Only for the explanation; the status is GSKit's.
 */
final class PlaintextProbe {
    private static final int GREETING_WAIT_MILLIS = 500;
    private static final int ANSWER_WAIT_MILLIS = 2000;
    private static final int SHOWN = 120;

    private PlaintextProbe() {
    }

    /** A short description of what the port said, or null when it said nothing. */
    static String look(HostPort target, int connectTimeoutSeconds) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), connectTimeoutSeconds * 1000);
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(GREETING_WAIT_MILLIS);
            String greeting = readSome(in);
            if (greeting != null) {
                return "on connecting, before any TLS, it says " + greeting;
            }
            socket.getOutputStream().write(clientHello());
            socket.setSoTimeout(ANSWER_WAIT_MILLIS);
            String answer = readSome(in);
            return answer == null ? null : answer;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (n <= 0) {
            return null;
        }
        if (buffer[0] == 0x15 || buffer[0] == 0x16) {
            return "a TLS record (so the port does speak TLS)";
        }
        int line = 0;
        while (line < n && buffer[line] != '\n') {
            line++;
        }
        // the first line says what the service is ("HTTP/1.1 400 Bad Request", "220 mail ESMTP")
        String first = Printable.quote(buffer, line > 0 && buffer[line - 1] == '\r' ? line - 1 : line, SHOWN);
        return line < n ? first + " (first line)" : first;
    }

    /** A real ClientHello from the JDK, so the port sees what a TLS client sends first. */
    private static byte[] clientHello() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            byte[] hello = new byte[out.remaining()];
            out.get(hello);
            return hello;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("no TLS engine for the probe", e);
        }
    }
}
