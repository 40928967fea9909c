/**
 * gsk4j: IBM i's GSKit secure-sockets API on the JDK's SSLEngine.
 *
 * <p>Exported: {@code io.gsk4j} (environments, sessions, failures), {@code io.gsk4j.attr} (the
 * attribute tables), {@code io.gsk4j.async} (completion ports), {@code io.gsk4j.compat} (the
 * C-shaped {@code gsk_*} functions), {@code io.gsk4j.jsse} (gsk4j for JSSE programs) and
 * {@code io.gsk4j.spi} (TLS engines other than SunJSSE).
 * Everything under {@code io.gsk4j.internal} is not.
 */
module io.gsk4j.core {
    requires java.net.http; // OCSP over HTTP
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires com.google.common; // the Public Suffix List

    exports io.gsk4j;
    exports io.gsk4j.attr;
    exports io.gsk4j.async;
    exports io.gsk4j.compat;
    exports io.gsk4j.jsse;
    exports io.gsk4j.spi; // TLS engines other than SunJSSE (module gsk4j-boringssl)

    uses io.gsk4j.spi.TlsEngineFactory;
}
