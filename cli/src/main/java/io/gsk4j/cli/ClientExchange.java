package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.GSK_IBMI_ERROR_TIMED_OUT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code client --send}: one request, then the reply. GSKit's read timeout is fixed once the
 * session is secure, so the reply is read in a second thread and, once data has arrived and
 * none follows for a moment, the session is closed from this thread; gsk_secure_soc_close
 * wakes the blocked reader (GSK_IBMI_ERROR_CLOSED), as on IBM i.
 */
final class ClientExchange {
    static final long IDLE_MILLIS = 500;
    private static final int MAX_REPLY = 64 * 1024;
    private static final int SHOWN_CHARS = 2000;

    private final GskSecureSession session;
    private final ByteArrayOutputStream reply = new ByteArrayOutputStream();
    private volatile long lastData;
    private volatile Step readFailure;
    private volatile boolean endOfStream;
    private volatile boolean closedByUs;

    private ClientExchange(GskSecureSession session) {
        this.session = session;
    }

    /** How long a client without --send listens after the handshake for a refusal or a greeting. */
    static final long LISTEN_MILLIS = 300;

    static ConnectionReport.Exchange run(GskSecureSession session, String text) throws InterruptedException {
        return new ClientExchange(session).exchange(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Listens briefly after a handshake: with TLS 1.3 a server refuses a client certificate only
     * after the client's gsk_secure_soc_init returned GSK_OK, so the refusal shows on the first
     * read. Null when nothing happened.
     */
    static ConnectionReport.Exchange listen(GskSecureSession session) throws InterruptedException {
        return new ClientExchange(session).exchange(null);
    }

    private ConnectionReport.Exchange exchange(byte[] request) throws InterruptedException {
        if (request != null) {
            Step written = session.write(request, request.length);
            if (written != null) {
                return new ConnectionReport.Exchange(0, null, 0, written, null);
            }
        }
        Thread reader = new Thread(this::readReply, "gsk4j-client-reader");
        reader.setDaemon(true);
        reader.start();
        long started = System.nanoTime();
        while (reader.isAlive()) {
            reader.join(20);
            long last = lastData;
            boolean idle = last != 0 && System.nanoTime() - last > IDLE_MILLIS * 1_000_000;
            boolean quiet = request == null && last == 0 && System.nanoTime() - started > LISTEN_MILLIS * 1_000_000;
            if ((idle || quiet) && reader.isAlive()) {
                closedByUs = true;
                session.close();
                reader.join(2000);
                break;
            }
        }
        if (request == null && lastData == 0 && readFailure == null && !endOfStream) {
            return null;
        }
        byte[] data;
        synchronized (reply) {
            data = reply.toByteArray();
        }
        String shown = data.length == 0 ? null : Printable.text(data, data.length, SHOWN_CHARS);
        Step failure = readFailure;
        String note;
        if (endOfStream) {
            note = request == null ? "the server ended the session right after the handshake"
                    : "the server ended the session after its reply";
        } else if (closedByUs) {
            note = "no more data for " + IDLE_MILLIS + " ms after the reply: closed the session";
            failure = null;
        } else if (failure != null && failure.rc() == GSK_IBMI_ERROR_TIMED_OUT) {
            note = data.length == 0 ? "no reply within the read timeout (GSK_IBMI_READ_TIMEOUT)" : null;
            failure = data.length == 0 ? failure : null;
        } else {
            note = null;
        }
        return new ConnectionReport.Exchange(request == null ? 0 : request.length, shown, data.length, failure, note);
    }

    private void readReply() {
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        while (total < MAX_REPLY) {
            GskSecureSession.ReadResult r = session.read(buffer);
            if (!r.ok()) {
                if (!closedByUs) { // our own close wakes the read with GSK_IBMI_ERROR_CLOSED: not a failure
                    readFailure = r.failure();
                }
                return;
            }
            if (r.count() == 0) {
                endOfStream = true;
                return;
            }
            synchronized (reply) {
                reply.write(buffer, 0, r.count());
            }
            total += r.count();
            lastData = System.nanoTime();
        }
    }
}
