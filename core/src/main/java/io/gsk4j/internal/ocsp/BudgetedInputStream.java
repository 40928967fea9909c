package io.gsk4j.internal.ocsp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * Socket input whose every read waits at most for what is left of the budget, so a responder
 * that trickles a byte at a time cannot stretch the query past its limit.
 */
final class BudgetedInputStream extends FilterInputStream {
    private final Socket socket;
    private final TimeBudget budget;

    BudgetedInputStream(Socket socket, InputStream in, TimeBudget budget) {
        super(in);
        this.socket = socket;
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        socket.setSoTimeout(budget.socketTimeoutMillis());
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        socket.setSoTimeout(budget.socketTimeoutMillis());
        return super.read(b, off, len);
    }
}
