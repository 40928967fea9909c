package io.gsk4j;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * Every cipher suite a program can name: first the suites IBM i System TLS knows
 * (spec/ciphers.md section 3.1), one constant per row, then every further suite the JDK's
 * engine implements, so that no suite the engine could negotiate is out of a program's reach.
 * Only IBM's rows are ever part of a default list.
 *
 * <p>Columns: IANA code, QSSLCSL spelling (null for suites IBM i does not list), legacy
 * two-character code (null when the suite has none), protocols that allow it, and the JDK's
 * spelling when it is not the IANA name.
 * The JDK spellings were checked against OpenJDK 17 and Temurin 25 with
 * jdk.tls.disabledAlgorithms emptied (both agree): the JDK keeps the SSL_ prefix for eight
 * old suites and accepts the TLS_ spelling as an alias. TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5
 * is not implemented by either JDK.
 */
public enum CipherSpec {
    TLS_AES_128_GCM_SHA256(0x1301, "*AES_128_GCM_SHA256", null, "1.3", null),
    TLS_AES_256_GCM_SHA384(0x1302, "*AES_256_GCM_SHA384", null, "1.3", null),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, "*CHACHA20_POLY1305_SHA256", null, "1.3", null),
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, "*ECDHE_ECDSA_AES_128_GCM_SHA256", null, "1.2", null),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, "*ECDHE_ECDSA_AES_256_GCM_SHA384", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, "*ECDHE_RSA_AES_128_GCM_SHA256", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, "*ECDHE_RSA_AES_256_GCM_SHA384", null, "1.2", null),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, "*ECDHE_ECDSA_CHACHA20_POLY1305_SHA256", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, "*ECDHE_RSA_CHACHA20_POLY1305_SHA256", null, "1.2", null),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, "*RSA_AES_128_GCM_SHA256", "9C", "1.2", null),
    TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, "*RSA_AES_256_GCM_SHA384", "9D", "1.2", null),
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xC023, "*ECDHE_ECDSA_AES_128_CBC_SHA256", null, "1.2", null),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xC024, "*ECDHE_ECDSA_AES_256_CBC_SHA384", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xC027, "*ECDHE_RSA_AES_128_CBC_SHA256", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xC028, "*ECDHE_RSA_AES_256_CBC_SHA384", null, "1.2", null),
    TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, "*RSA_AES_128_CBC_SHA256", "3C", "1.2", null),
    TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, "*RSA_AES_128_CBC_SHA", "2F", "1.2 1.1 1.0", null),
    TLS_RSA_WITH_AES_256_CBC_SHA256(0x003D, "*RSA_AES_256_CBC_SHA256", "3D", "1.2", null),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, "*RSA_AES_256_CBC_SHA", "35", "1.2 1.1 1.0", null),
    TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA(0xC008, "*ECDHE_ECDSA_3DES_EDE_CBC_SHA", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA(0xC012, "*ECDHE_RSA_3DES_EDE_CBC_SHA", null, "1.2", null),
    TLS_RSA_WITH_3DES_EDE_CBC_SHA(0x000A, "*RSA_3DES_EDE_CBC_SHA", "0A", "1.2 1.1 1.0 SSLv3", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
    TLS_ECDHE_ECDSA_WITH_RC4_128_SHA(0xC007, "*ECDHE_ECDSA_RC4_128_SHA", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_RC4_128_SHA(0xC011, "*ECDHE_RSA_RC4_128_SHA", null, "1.2", null),
    TLS_RSA_WITH_RC4_128_SHA(0x0005, "*RSA_RC4_128_SHA", "05", "1.2 1.1 1.0 SSLv3", "SSL_RSA_WITH_RC4_128_SHA"),
    TLS_RSA_WITH_RC4_128_MD5(0x0004, "*RSA_RC4_128_MD5", "04", "1.2 1.1 1.0 SSLv3", "SSL_RSA_WITH_RC4_128_MD5"),
    TLS_RSA_WITH_DES_CBC_SHA(0x0009, "*RSA_DES_CBC_SHA", "09", "1.1 1.0 SSLv3", "SSL_RSA_WITH_DES_CBC_SHA"),
    TLS_RSA_EXPORT_WITH_RC4_40_MD5(0x0003, "*RSA_EXPORT_RC4_40_MD5", "03", "1.0 SSLv3", "SSL_RSA_EXPORT_WITH_RC4_40_MD5"),
    TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5(0x0006, "*RSA_EXPORT_RC2_CBC_40_MD5", "06", "1.0 SSLv3", null),
    TLS_ECDHE_ECDSA_WITH_NULL_SHA(0xC006, "*ECDHE_ECDSA_NULL_SHA", null, "1.2", null),
    TLS_ECDHE_RSA_WITH_NULL_SHA(0xC010, "*ECDHE_RSA_NULL_SHA", null, "1.2", null),
    TLS_RSA_WITH_NULL_SHA256(0x003B, "*RSA_NULL_SHA256", "3B", "1.2", null),
    TLS_RSA_WITH_NULL_SHA(0x0002, "*RSA_NULL_SHA", "02", "1.2 1.1 1.0 SSLv3", "SSL_RSA_WITH_NULL_SHA"),
    TLS_RSA_WITH_NULL_MD5(0x0001, "*RSA_NULL_MD5", "01", "1.2 1.1 1.0 SSLv3", "SSL_RSA_WITH_NULL_MD5"),

    // ---- Suites the JDK implements that IBM i's table does not list (no QSSLCSL name). ----
    // Nameable so that a program can switch them on; never part of a default list. Protocols
    // follow the RFC that defines each suite; a two-character code only where GSKit's rule
    // (the low byte of a 0x00nn code) meets a suite GSKit implements on some platform: never
    // for anonymous or 40-bit export suites, which IBM never supported.
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xC009, null, null, "1.2 1.1 1.0", null),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xC00A, null, null, "1.2 1.1 1.0", null),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, null, null, "1.2 1.1 1.0", null),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, null, null, "1.2 1.1 1.0", null),
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009E, null, "9E", "1.2", null),
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009F, null, "9F", "1.2", null),
    TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCAA, null, null, "1.2", null),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, null, "67", "1.2", null),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006B, null, "6B", "1.2", null),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, null, "33", "1.2 1.1 1.0", null),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, null, "39", "1.2 1.1 1.0", null),
    TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA(0x0016, null, "16", "1.2 1.1 1.0 SSLv3", "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
    TLS_DHE_RSA_WITH_DES_CBC_SHA(0x0015, null, "15", "1.1 1.0 SSLv3", "SSL_DHE_RSA_WITH_DES_CBC_SHA"),
    TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA(0x0014, null, null, "1.0 SSLv3", "SSL_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA"),
    TLS_DHE_DSS_WITH_AES_128_GCM_SHA256(0x00A2, null, "A2", "1.2", null),
    TLS_DHE_DSS_WITH_AES_256_GCM_SHA384(0x00A3, null, "A3", "1.2", null),
    TLS_DHE_DSS_WITH_AES_128_CBC_SHA256(0x0040, null, "40", "1.2", null),
    TLS_DHE_DSS_WITH_AES_256_CBC_SHA256(0x006A, null, "6A", "1.2", null),
    TLS_DHE_DSS_WITH_AES_128_CBC_SHA(0x0032, null, "32", "1.2 1.1 1.0", null),
    TLS_DHE_DSS_WITH_AES_256_CBC_SHA(0x0038, null, "38", "1.2 1.1 1.0", null),
    TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA(0x0013, null, "13", "1.2 1.1 1.0 SSLv3", "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA"),
    TLS_DHE_DSS_WITH_DES_CBC_SHA(0x0012, null, "12", "1.1 1.0 SSLv3", "SSL_DHE_DSS_WITH_DES_CBC_SHA"),
    TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA(0x0011, null, null, "1.0 SSLv3", "SSL_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"),
    TLS_RSA_EXPORT_WITH_DES40_CBC_SHA(0x0008, null, null, "1.0 SSLv3", "SSL_RSA_EXPORT_WITH_DES40_CBC_SHA"),
    TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256(0xC02D, null, null, "1.2", null),
    TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384(0xC02E, null, null, "1.2", null),
    TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256(0xC025, null, null, "1.2", null),
    TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384(0xC026, null, null, "1.2", null),
    TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA(0xC004, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA(0xC005, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA(0xC003, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_ECDSA_WITH_RC4_128_SHA(0xC002, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_ECDSA_WITH_NULL_SHA(0xC001, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256(0xC031, null, null, "1.2", null),
    TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384(0xC032, null, null, "1.2", null),
    TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256(0xC029, null, null, "1.2", null),
    TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384(0xC02A, null, null, "1.2", null),
    TLS_ECDH_RSA_WITH_AES_128_CBC_SHA(0xC00E, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_RSA_WITH_AES_256_CBC_SHA(0xC00F, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA(0xC00D, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_RSA_WITH_RC4_128_SHA(0xC00C, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_RSA_WITH_NULL_SHA(0xC00B, null, null, "1.2 1.1 1.0", null),
    TLS_DH_anon_WITH_AES_128_GCM_SHA256(0x00A6, null, null, "1.2", null),
    TLS_DH_anon_WITH_AES_256_GCM_SHA384(0x00A7, null, null, "1.2", null),
    TLS_DH_anon_WITH_AES_128_CBC_SHA256(0x006C, null, null, "1.2", null),
    TLS_DH_anon_WITH_AES_256_CBC_SHA256(0x006D, null, null, "1.2", null),
    TLS_DH_anon_WITH_AES_128_CBC_SHA(0x0034, null, null, "1.2 1.1 1.0", null),
    TLS_DH_anon_WITH_AES_256_CBC_SHA(0x003A, null, null, "1.2 1.1 1.0", null),
    TLS_DH_anon_WITH_3DES_EDE_CBC_SHA(0x001B, null, null, "1.2 1.1 1.0 SSLv3", "SSL_DH_anon_WITH_3DES_EDE_CBC_SHA"),
    TLS_DH_anon_WITH_DES_CBC_SHA(0x001A, null, null, "1.1 1.0 SSLv3", "SSL_DH_anon_WITH_DES_CBC_SHA"),
    TLS_DH_anon_WITH_RC4_128_MD5(0x0018, null, null, "1.2 1.1 1.0 SSLv3", "SSL_DH_anon_WITH_RC4_128_MD5"),
    TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA(0x0019, null, null, "1.0 SSLv3", "SSL_DH_anon_EXPORT_WITH_DES40_CBC_SHA"),
    TLS_DH_anon_EXPORT_WITH_RC4_40_MD5(0x0017, null, null, "1.0 SSLv3", "SSL_DH_anon_EXPORT_WITH_RC4_40_MD5"),
    TLS_ECDH_anon_WITH_AES_128_CBC_SHA(0xC018, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_anon_WITH_AES_256_CBC_SHA(0xC019, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA(0xC017, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_anon_WITH_RC4_128_SHA(0xC016, null, null, "1.2 1.1 1.0", null),
    TLS_ECDH_anon_WITH_NULL_SHA(0xC015, null, null, "1.2 1.1 1.0", null);

    /** QSSLCSL default order on 7.4/7.5: TLS 1.3 part (ciphers.md 3.4). */
    private static final List<CipherSpec> TLS13_ORDER = List.of(
            TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256);

    /** QSSLCSL default order on 7.3 with the TLS 1.3 PTFs: the nine 7.4 entries, then the rest (ciphers.md 3.4). */
    private static final List<CipherSpec> QSSLCSL_73_ORDER = List.of(
            TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256,
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            TLS_RSA_WITH_AES_128_CBC_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA,
            TLS_RSA_WITH_AES_256_CBC_SHA256, TLS_RSA_WITH_AES_256_CBC_SHA,
            TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA, TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
            TLS_RSA_WITH_3DES_EDE_CBC_SHA);

    private static final Map<String, CipherSpec> BY_NAME = new HashMap<>();
    private static final Map<String, CipherSpec> BY_JDK_NAME = new HashMap<>();
    private static final Map<String, CipherSpec> BY_SHORT_CODE = new HashMap<>();

    static {
        for (CipherSpec c : values()) {
            BY_NAME.put(c.name(), c);
            BY_NAME.put(c.jdkName, c);
            if (c.name().startsWith("TLS_")) {
                // IBM's own older docs and some callers spell the same suite with SSL_.
                BY_NAME.putIfAbsent("SSL_" + c.name().substring(4), c);
            }
            BY_JDK_NAME.put(c.jdkName, c);
            if (c.shortCode != null) {
                // A short code is the low byte of the IANA code; catch table typos at load.
                if (c.ianaCode > 0xFF || Integer.parseInt(c.shortCode, 16) != c.ianaCode) {
                    throw new IllegalStateException("short code " + c.shortCode + " does not match " + c.name());
                }
                if (BY_SHORT_CODE.put(c.shortCode, c) != null) {
                    throw new IllegalStateException("duplicate short code " + c.shortCode);
                }
            }
        }
    }

    private final int ianaCode;
    private final String qsslcslName;
    private final String shortCode;
    private final Set<TlsProtocol> protocols;
    private final String jdkName;

    CipherSpec(int ianaCode, String qsslcslName, String shortCode, String protocols, String jdkSpelling) {
        this.ianaCode = ianaCode;
        this.qsslcslName = qsslcslName;
        this.shortCode = shortCode;
        this.protocols = parseProtocols(protocols);
        this.jdkName = jdkSpelling != null ? jdkSpelling : name();
    }

    private static Set<TlsProtocol> parseProtocols(String columns) {
        EnumSet<TlsProtocol> set = EnumSet.noneOf(TlsProtocol.class);
        for (String token : columns.split(" ")) {
            switch (token) {
                case "1.3": set.add(TlsProtocol.TLSV13); break;
                case "1.2": set.add(TlsProtocol.TLSV12); break;
                case "1.1": set.add(TlsProtocol.TLSV11); break;
                case "1.0": set.add(TlsProtocol.TLSV10); break;
                case "SSLv3": set.add(TlsProtocol.SSLV3); break;
                default: throw new IllegalArgumentException("bad protocol column " + token);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** The spelling the *_CIPHER_SPECS_EX attributes take (the IANA name). */
    public String gskName() {
        return name();
    }

    /** The suite's number in the IANA TLS Cipher Suites registry. */
    public int ianaCode() {
        return ianaCode;
    }

    /** The IBM i system-value spelling, e.g. "*RSA_AES_128_CBC_SHA"; empty for a suite IBM i does not list. */
    public Optional<String> qsslcslName() {
        return Optional.ofNullable(qsslcslName);
    }

    /** Whether IBM i System TLS lists the suite (only those can be in a default list). */
    public boolean isIbmSuite() {
        return qsslcslName != null;
    }

    /** The two-hex-digit code used by the old non-_EX attributes, if the suite has one. */
    public Optional<String> shortCode() {
        return Optional.ofNullable(shortCode);
    }

    /** The protocol versions on which IBM i allows this suite. */
    public Set<TlsProtocol> protocols() {
        return protocols;
    }

    /** The name the JDK uses in setEnabledCipherSuites/getCipherSuite. */
    public String jdkName() {
        return jdkName;
    }

    /**
     * Whether the running JDK lists the suite as supported. Note the JDK already drops suites
     * hit by jdk.tls.disabledAlgorithms from that list, so on a stock JDK this equals
     * {@link #isEnabledByJdk()} except for suites that are supported but off by default.
     */
    public boolean isKnownToJdk() {
        return JdkSuites.get().supported.contains(jdkName);
    }

    /** Whether the running JDK enables the suite by default. */
    public boolean isEnabledByJdk() {
        return JdkSuites.get().enabled.contains(jdkName);
    }

    /** Accepts the IANA name, the JDK name, or the SSL_ spelling of a TLS_ name (exact case). */
    public static Optional<CipherSpec> fromName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    /** The suite the JDK calls {@code jdkName}, if gsk4j knows it. */
    public static Optional<CipherSpec> fromJdkName(String jdkName) {
        return jdkName == null ? Optional.empty() : Optional.ofNullable(BY_JDK_NAME.get(jdkName));
    }

    /** Looks up a legacy two-hex-digit code, either case. */
    public static Optional<CipherSpec> fromShortCode(String twoChars) {
        if (twoChars == null || twoChars.length() != 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_SHORT_CODE.get(twoChars.toUpperCase(Locale.ROOT)));
    }

    /**
     * Parses an _EX attribute value: comma-separated names, highest preference first.
     *
     * @throws IllegalArgumentException naming the first empty, unknown or repeated item
     */
    public static List<CipherSpec> parseExList(String commaList) {
        if (commaList == null) {
            throw new IllegalArgumentException("cipher list is null");
        }
        Set<CipherSpec> out = new LinkedHashSet<>();
        String[] items = commaList.split(",", -1); // -1 keeps trailing empty items so "A," is rejected
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty cipher suite name at position " + (i + 1) + " in \"" + commaList + "\"");
            }
            CipherSpec c = fromName(item)
                    .orElseThrow(() -> new IllegalArgumentException("unknown cipher suite \"" + item + "\""));
            if (!out.add(c)) {
                throw new IllegalArgumentException("cipher suite \"" + item + "\" is listed twice");
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses a legacy short-form value: two hex digits per suite, no separators ("2F0504350A").
     * An empty string gives an empty list.
     *
     * @throws IllegalArgumentException naming the bad item (odd length, not hex, unknown, repeated)
     */
    public static List<CipherSpec> parseShortList(String codes) {
        if (codes == null) {
            throw new IllegalArgumentException("cipher code list is null");
        }
        if (codes.length() % 2 != 0) {
            throw new IllegalArgumentException("cipher code list \"" + codes + "\" has an odd length");
        }
        Set<CipherSpec> out = new LinkedHashSet<>();
        for (int i = 0; i < codes.length(); i += 2) {
            String item = codes.substring(i, i + 2);
            if (Character.digit(item.charAt(0), 16) < 0 || Character.digit(item.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("cipher code \"" + item + "\" is not two hex digits");
            }
            CipherSpec c = fromShortCode(item)
                    .orElseThrow(() -> new IllegalArgumentException("unknown cipher code \"" + item + "\""));
            if (!out.add(c)) {
                throw new IllegalArgumentException("cipher code \"" + item + "\" is listed twice");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The list a session uses for protocol {@code p} when the program sets none: IBM's
     * QSSLCSL order restricted to what the protocol allows and what this JDK enables.
     * TLS 1.3 is left unfiltered (every current JDK enables all three).
     */
    public static List<CipherSpec> defaultList(TlsProtocol p) {
        if (p == TlsProtocol.TLSV13) {
            return TLS13_ORDER;
        }
        if (p == TlsProtocol.SSLV3 || p == TlsProtocol.SSLV2) {
            return List.of();
        }
        List<CipherSpec> out = new ArrayList<>();
        for (CipherSpec c : QSSLCSL_73_ORDER) {
            if (c.protocols.contains(p) && c.isEnabledByJdk()) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The suites the JDK's engine enables by default for protocol {@code p}, in the engine's
     * own preference order: what a plain JSSE endpoint would use. Suites the table cannot
     * name (only the renegotiation SCSV) are left out.
     */
    public static List<CipherSpec> engineDefaultList(TlsProtocol p) {
        List<CipherSpec> out = new ArrayList<>();
        for (String jdk : JdkSuites.get().enabledInOrder) {
            fromJdkName(jdk).filter(c -> c.protocols.contains(p)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * What the JDK supports and enables, asked once, on first use. Not a class-initialisation
     * holder: a class whose initialiser fails (out of memory on a process's first handshake)
     * stays unusable for the life of the JVM, while this simply asks again next time.
     */
    private static final class JdkSuites {
        private static volatile JdkSuites known;

        final Set<String> supported;
        final Set<String> enabled;
        final List<String> enabledInOrder;

        private JdkSuites(SSLContext ctx) {
            supported = names(ctx.getSupportedSSLParameters());
            enabledInOrder = List.of(ctx.getDefaultSSLParameters().getCipherSuites());
            enabled = Set.copyOf(enabledInOrder);
        }

        static JdkSuites get() {
            JdkSuites k = known;
            if (k == null) {
                k = new JdkSuites(defaultContext());
                known = k; // two threads may both ask the JDK; both answers are the same
            }
            return k;
        }

        private static Set<String> names(SSLParameters params) {
            return Set.of(params.getCipherSuites());
        }

        /**
         * A bare TLS context: its default parameters are the engine's defaults. Empty key and
         * trust manager arrays keep the JDK from loading the default key and trust stores
         * (cacerts) just to list suites.
         */
        private static SSLContext defaultContext() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(new KeyManager[0], new TrustManager[0], null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no usable TLS context", e);
            }
        }
    }
}
