package io.gsk4j.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/JSSE.md's Netty client, as written there, against a gsk4j server session. */
class JsseBridgeNettyTest {
    @TempDir
    Path dir;

    private Ca ca;
    private GskHttpsServer server;
    private NioEventLoopGroup group;

    @BeforeEach
    void start() throws Exception {
        ca = TestPki.rootCa("Netty CA", KeyType.EC_P256);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost")));
        server = new GskHttpsServer(serverEnv);
        group = new NioEventLoopGroup(1);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }

    /** The snippet of docs/JSSE.md. */
    private static SslContext nettyContext(Environment env) throws GskException {
        SSLContext tls = env.sslContext();
        SSLParameters gskit = tls.getDefaultSSLParameters();
        return new JdkSslContext(tls, true, Arrays.asList(gskit.getCipherSuites()), IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, gskit.getProtocols(), false);
    }

    /** Connects, sends a GET once the handshake is done; completes with the reply or the handshake's failure. */
    private CompletableFuture<String> exchange(SslContext netty) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        int port = server.port();
        StringBuilder received = new StringBuilder();
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                SslHandler tls = netty.newHandler(ch.alloc(), "localhost", port);
                tls.handshakeFuture().addListener((Future<Channel> f) -> {
                    if (f.isSuccess()) {
                        ch.writeAndFlush(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", StandardCharsets.US_ASCII));
                    } else {
                        reply.completeExceptionally(f.cause());
                    }
                });
                ch.pipeline().addLast(tls, new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                        received.append(msg.toString(StandardCharsets.US_ASCII));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        reply.complete(received.toString());
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        reply.completeExceptionally(cause);
                        ctx.close();
                    }
                });
            }
        });
        b.connect("localhost", port).sync();
        return reply;
    }

    private static Throwable failureOf(CompletableFuture<String> f) throws Exception {
        try {
            String unexpected = f.get(20, TimeUnit.SECONDS);
            throw new AssertionError("the exchange succeeded: " + unexpected);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void nettyClientWithTheEnvironmentsContextGetsTheReply() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
        String reply = exchange(nettyContext(env)).get(20, TimeUnit.SECONDS);
        assertTrue(reply.startsWith("HTTP/1.1 200 OK") && reply.endsWith(GskHttpsServer.BODY), reply);
        assertEquals("ok", server.nextOutcome());
        env.close();
    }

    @Test
    void nettysHandshakeFailureIsExplained() throws Exception {
        Ca other = TestPki.rootCa("Other CA", KeyType.EC_P256);
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, other.certificate()));
        GskException e = Failures.explain(failureOf(exchange(nettyContext(env))));
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), e.code(), e.getMessage());
        env.close();
    }
}
