package io.gsk4j.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * The server end of an FTP control connection with AUTH TLS and CCC (RFC 4217), on the JDK's
 * own SSLEngine over a blocking socket (openssl cannot go back to cleartext): greets in
 * cleartext, answers AUTH TLS, handshakes, answers CCC with its 200 reply and its
 * close_notify in one write (as a server that replies and shuts down at once does), waits
 * for the client's close_notify, then reads the next command in cleartext and answers it.
 */
final class FtpControlServer {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel ch;
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    /** The exact bytes of the close_notify record this server sent. */
    volatile byte[] closeNotifyRecord;

    FtpControlServer(SSLContext ctx, SocketChannel ch, String protocol) {
        this.ch = ch;
        this.engine = ctx.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(new String[] {protocol});
        netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /** Runs the whole exchange; returns the cleartext command that followed CCC. */
    String run() throws IOException {
        writeRaw(ascii("220 replay FTP server ready\r\n"));
        String auth = readRawLine();
        if (!auth.equals("AUTH TLS\r\n")) {
            throw new IOException("expected AUTH TLS, got " + auth);
        }
        writeRaw(ascii("234 AUTH TLS successful\r\n"));
        handshake();
        String ccc = readSecureLine();
        if (!ccc.equals("CCC\r\n")) {
            throw new IOException("expected CCC, got " + ccc);
        }
        byte[] reply = seal(ascii("200 CCC command successful\r\n"));
        engine.closeOutbound();
        ByteArrayOutputStream close = new ByteArrayOutputStream();
        while (!engine.isOutboundDone()) {
            close.writeBytes(seal(new byte[0]));
        }
        closeNotifyRecord = close.toByteArray();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(reply);
        both.writeBytes(closeNotifyRecord);
        writeRaw(both.toByteArray());
        awaitCloseNotify();
        String clear = readRawLine();
        writeRaw(ascii("257 \"/\" is the current directory\r\n"));
        return clear;
    }

    private void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_WRAP -> writeRaw(seal(new byte[0]));
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapOnce();
                case NEED_TASK -> {
                    for (Runnable t; (t = engine.getDelegatedTask()) != null;) {
                        t.run();
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    private byte[] seal(byte[] data) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult r = engine.wrap(data.length == 0 ? EMPTY : src, net);
            if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                for (Runnable t; (t = engine.getDelegatedTask()) != null;) {
                    t.run();
                }
            }
            out.write(net.array(), 0, net.position());
        } while (src.hasRemaining());
        return out.toByteArray();
    }

    /** One unwrap, reading from the socket first when what is buffered is not a whole record. */
    private SSLEngineResult unwrapOnce() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult r = engine.unwrap(netIn, appIn);
            netIn.compact();
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                return r;
            }
            if (ch.read(netIn) < 0) {
                throw new IOException("the client closed the connection");
            }
        }
    }

    private String readSecureLine() throws IOException {
        while (true) {
            String text = new String(appIn.array(), 0, appIn.position(), StandardCharsets.US_ASCII);
            int nl = text.indexOf('\n');
            if (nl >= 0) {
                appIn.flip().position(nl + 1);
                appIn.compact();
                return text.substring(0, nl + 1);
            }
            unwrapOnce();
        }
    }

    private void awaitCloseNotify() throws IOException {
        while (unwrapOnce().getStatus() != SSLEngineResult.Status.CLOSED) {
            // application data or post-handshake messages before the client's close_notify
        }
    }

    /** A cleartext line; bytes left over after the client's close_notify come first. */
    private String readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            netIn.flip();
            while (netIn.hasRemaining()) {
                byte b = netIn.get();
                line.write(b);
                if (b == '\n') {
                    netIn.compact();
                    return line.toString(StandardCharsets.US_ASCII);
                }
            }
            netIn.clear();
            if (ch.read(netIn) < 0) {
                throw new IOException("the client closed the connection after " + line);
            }
        }
    }

    private void writeRaw(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
