/** BoringSSL through netty-tcnative as a gsk4j TLS engine (GSK4J_TLS_ENGINE, or -Dgsk4j.engine=boringssl). */
module io.gsk4j.boringssl {
    requires io.gsk4j.core;
    requires io.netty.handler;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.tcnative.classes.openssl;

    provides io.gsk4j.spi.TlsEngineFactory with io.gsk4j.boringssl.BoringSslEngineFactory;
}
