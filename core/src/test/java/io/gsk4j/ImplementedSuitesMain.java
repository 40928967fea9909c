package io.gsk4j;

import java.security.Security;
import javax.net.ssl.SSLContext;

/**
 * Prints every suite the JDK's engine implements, one per line: run in a forked JVM, because
 * the list is only complete when jdk.tls.disabledAlgorithms is emptied before the TLS classes load.
 */
public final class ImplementedSuitesMain {
    public static void main(String[] args) throws Exception {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        for (String suite : ctx.getSupportedSSLParameters().getCipherSuites()) {
            System.out.println(suite);
        }
    }
}
