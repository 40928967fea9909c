package io.gsk4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Plain TCP on the same loopback, no TLS: the ceiling a bulk transfer can reach here, with the
 * same 16 KiB writes and reads, driven by the same code as the TLS stacks. Bulk only.
 */
final class TcpContender implements Contender {

    @Override
    public String stack() {
        return "tcp";
    }

    @Override
    public String unsupported(Scenario sc) {
        return sc.kind() == Scenario.Kind.BULK ? null : "plain TCP is the ceiling for bulk only";
    }

    @Override
    public Sample run(Scenario sc, long nanos, Budget budget) throws Exception {
        try (Endpoints ep = new TcpEndpoints()) {
            return LoopbackRounds.bulk(ep, sc.upload(), budget.bulkBytes());
        }
    }

    private static final class TcpEndpoints implements Endpoints {
        @Override
        public Listener listen() throws IOException {
            ServerSocket l = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            InetSocketAddress address = (InetSocketAddress) l.getLocalSocketAddress();
            return new Listener() {
                @Override
                public Conn accept() {
                    try {
                        return conn(l.accept());
                    } catch (IOException e) {
                        return null; // the listener was closed
                    }
                }

                @Override
                public InetSocketAddress address() {
                    return address;
                }

                @Override
                public void close() {
                    try {
                        l.close();
                    } catch (IOException ignored) {
                        // nothing to report in a measurement
                    }
                }
            };
        }

        @Override
        public Conn connect(Listener listener) throws IOException {
            return conn(new Socket(listener.address().getAddress(), listener.address().getPort()));
        }

        private static Conn conn(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            return new Conn() {
                @Override
                public void handshake() {
                    // no TLS
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public boolean resumed() {
                    return false;
                }

                @Override
                public void forget() {
                    // no session
                }

                @Override
                public void close() {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // nothing to report in a measurement
                    }
                }
            };
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
