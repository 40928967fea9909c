package io.gsk4j.interop;

import io.gsk4j.CipherSpec;
import io.gsk4j.TlsProtocol;
import java.util.ArrayList;
import java.util.List;

/** Command-line pieces for openssl s_server / s_client. */
final class OpenSsl {
    private OpenSsl() {
    }

    static String versionFlag(TlsProtocol p) {
        return switch (p) {
            case TLSV13 -> "-tls1_3";
            case TLSV12 -> "-tls1_2";
            default -> throw new IllegalArgumentException(p.name());
        };
    }

    /**
     * Flags that make the peer accept exactly {@code suites} (TLS 1.3 and 1.2 lists are
     * separate in OpenSSL); security level 0 so that no suite is refused for its strength.
     */
    static List<String> suiteFlags(TlsProtocol p, List<CipherSpec> suites) {
        List<String> names = new ArrayList<>();
        for (CipherSpec c : suites) {
            names.add(p == TlsProtocol.TLSV13 ? c.gskName() : openSslName(c));
        }
        return p == TlsProtocol.TLSV13
                ? List.of("-ciphersuites", String.join(":", names))
                : List.of("-cipher", String.join(":", names) + ":@SECLEVEL=0");
    }

    /** OpenSSL's own name for a TLS 1.2 suite, asked from openssl itself (cached per run). */
    static String openSslName(CipherSpec c) {
        return Names.MAP.computeIfAbsent(c, k -> {
            throw new IllegalArgumentException("openssl has no TLS 1.2 suite " + k.gskName());
        });
    }

    private static final class Names {
        static final java.util.Map<CipherSpec, String> MAP = new java.util.concurrent.ConcurrentHashMap<>();

        static {
            // "openssl ciphers -stdname" prints: IANA name - OpenSSL name  version  Kx=...
            String out = Peers.run(Peers.OPENSSL, "ciphers", "-stdname", "ALL:@SECLEVEL=0");
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[1].equals("-")) {
                    CipherSpec.fromName(f[0]).ifPresent(c -> MAP.put(c, f[2]));
                }
            }
        }
    }
}
