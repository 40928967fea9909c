package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** gsk4j on both ends, through the blocking {@link Session} API on socket channels, as a GSKit program uses it. */
final class GskEndpoints implements Endpoints {
    private final Environment serverEnv;
    private final Environment clientEnv;

    /** Takes ownership of both environments. */
    GskEndpoints(Environment serverEnv, Environment clientEnv) {
        this.serverEnv = serverEnv;
        this.clientEnv = clientEnv;
    }

    @Override
    public Listener listen() throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        InetSocketAddress address = (InetSocketAddress) ch.getLocalAddress();
        return new Listener() {
            @Override
            public Conn accept() {
                try {
                    SocketChannel c = ch.accept();
                    c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    return open(serverEnv, c);
                } catch (IOException e) {
                    return null; // the listener was closed: the round is over
                }
            }

            @Override
            public void close() {
                quietly(ch);
            }

            @Override
            public InetSocketAddress address() {
                return address;
            }
        };
    }

    @Override
    public Conn connect(Listener listener) throws IOException {
        SocketChannel ch = SocketChannel.open(listener.address());
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return open(clientEnv, ch);
    }

    private static Conn open(Environment env, SocketChannel ch) throws IOException {
        Session s;
        try {
            s = env.openSession();
            s.attach(ch);
        } catch (GskException e) {
            quietly(ch);
            throw new IOException(e);
        }
        return new GskConn(s, ch);
    }

    private static void quietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to report in a measurement
        }
    }

    @Override
    public void close() {
        serverEnv.close();
        clientEnv.close();
    }

    private static final class GskConn implements Conn {
        private final Session session;
        private final SocketChannel channel;

        GskConn(Session session, SocketChannel channel) {
            this.session = session;
            this.channel = channel;
        }

        @Override
        public void handshake() throws IOException {
            try {
                session.handshake();
            } catch (GskException e) {
                throw new IOException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return session.read(b, off, len);
            } catch (GskException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                for (int done = 0; done < len; ) {
                    done += session.write(b, off + done, len - done);
                }
            } catch (GskException e) {
                throw new IOException(e);
            }
        }

        @Override
        public boolean resumed() throws IOException {
            try {
                return session.getEnum(EnumAttribute.GSK_SID_FIRST) != EnumValue.GSK_SID_IS_FIRST;
            } catch (GskException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void forget() throws IOException {
            try {
                session.misc(MiscId.GSK_RESET_SESSION);
            } catch (GskException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            session.close();
            quietly(channel);
        }
    }
}
