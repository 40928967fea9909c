package io.gsk4j;

import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The protocol versions GSKit knows, with their JDK and GSKit spellings.
 *
 * <p>{@code protocolUsedValue} is what GSK_PROTOCOL_USED reports (spec/attributes.md).
 * The {@code secType} strings for GSK_CONNECT_SEC_TYPE are our choice: the exact IBM
 * strings are unverified.
 */
public enum TlsProtocol {
    // The JDK has no SSLv2 ("SSLv2Hello" is only a hello format), hence null.
    SSLV2(null, 514, "SSLV2"),
    SSLV3("SSLv3", 515, "SSLV3"),
    TLSV10("TLSv1", 520, "TLSV1"),
    TLSV11("TLSv1.1", 595, "TLSV11"),
    TLSV12("TLSv1.2", 596, "TLSV12"),
    TLSV13("TLSv1.3", 5000, "TLSV13");

    private final String jdkName;
    private final int protocolUsedValue;
    private final String secType;

    TlsProtocol(String jdkName, int protocolUsedValue, String secType) {
        this.jdkName = jdkName;
        this.protocolUsedValue = protocolUsedValue;
        this.secType = secType;
    }

    /** The name SSLParameters uses, or null when the JDK cannot speak this protocol. */
    public String jdkName() {
        return jdkName;
    }

    /** The GSK_PROTOCOL_USED enumeration value. */
    public int protocolUsedValue() {
        return protocolUsedValue;
    }

    /** The GSK_CONNECT_SEC_TYPE text (our spelling; IBM's is unverified). */
    public String secType() {
        return secType;
    }

    /** The protocol the JDK calls {@code name} (such as "TLSv1.3"), if any. */
    public static Optional<TlsProtocol> fromJdkName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TlsProtocol p : values()) {
            if (name.equals(p.jdkName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The protocols the running JDK negotiates by default, i.e. after
     * jdk.tls.disabledAlgorithms (typically TLSv1.2 and TLSv1.3).
     */
    public static Set<TlsProtocol> enabledInThisRuntime() {
        return RuntimeProtocols.ENABLED;
    }

    // Holder: the SSLContext is built on first use only, and only once.
    private static final class RuntimeProtocols {
        static final Set<TlsProtocol> ENABLED = compute();

        private static Set<TlsProtocol> compute() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, null, null);
                EnumSet<TlsProtocol> set = EnumSet.noneOf(TlsProtocol.class);
                for (String name : ctx.getDefaultSSLParameters().getProtocols()) {
                    fromJdkName(name).ifPresent(set::add);
                }
                return Collections.unmodifiableSet(set);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no usable TLS context", e);
            }
        }
    }
}
