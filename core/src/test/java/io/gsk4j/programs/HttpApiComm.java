package io.gsk4j.programs;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.compat.CertDataRef;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scott Klement's HTTPAPI, its TLS driver {@code src/rpglesrc/COMMSSLR4.rpgle}
 * (https_init, https_certStore, https_strict, CommSSL_Upgrade, CommSSL_BlockWrite,
 * CommSSL_Read / LineRead / BlockRead with refill, CommSSL_Hangup) call for call, with the
 * numbers its GSKSSL_H copy member compiles to. RPG's SetError(HTTP_xxx: msg) becomes
 * {@link #lastError} holding the HTTP_xxx name. The socket is non-blocking, as
 * CommTCP_ConnectNonBlock leaves it, so gsk_secure_soc_read and _write can say
 * GSK_WOULD_BLOCK and HTTPAPI then polls.
 */
final class HttpApiComm {
    // module state (COMMSSLR4's static fields)
    private static GskHandle wkEnvH;
    private static boolean wkFullAuth;
    private static String kdbPath;
    private static String kdbPassword;
    private static String kdbLabel;

    /** The HTTP_xxx error HTTPAPI set last, or null. */
    static String lastError;
    /** Every gsk_attribute_set_enum rc of https_init, by the order HTTPAPI makes them. */
    static final List<Integer> initEnumRcs = new ArrayList<>();
    static int envInitRc;

    // CommSSL data structure
    private final SocketChannel sock;
    private final int fd;
    GskHandle sslh;
    private final byte[] buf = new byte[131_072];
    private int bufLen;
    private int bufCurr;

    // what CommSSL_Upgrade learned
    int socInitRc;
    int validationCode = -1;
    String protocolUsed;
    int certElementCount;
    int closeRc = -1;
    /** Every gsk_secure_soc_read and _write rc, in order, and how many writes took only part. */
    final List<Integer> readRcs = new ArrayList<>();
    final List<Integer> writeRcs = new ArrayList<>();
    int partialWrites;

    HttpApiComm(SocketChannel sock) {
        this.sock = sock;
        this.fd = gsk_fd(sock);
    }

    /** https_certStore(): use this keyring instead of *SYSTEM or an application ID. */
    static void httpsCertStore(String path, String password, String label) {
        httpsCleanup();
        kdbPath = path;
        kdbPassword = password;
        kdbLabel = label;
    }

    /** https_strict(): *ON is GSK_SERVER_AUTH_FULL, *OFF (HTTPAPI's default) PASSTHRU. */
    static void httpsStrict(boolean on) {
        if (on != wkFullAuth) {
            wkFullAuth = on;
            httpsCleanup();
        }
    }

    static int httpsCleanup() {
        if (wkEnvH != null) {
            if (gsk_environment_close(wkEnvH) == 0) {
                wkEnvH = null;
            }
        }
        return 0;
    }

    /** Back to a fresh module, as a new activation group gives. */
    static void reset() {
        httpsCleanup();
        wkEnvH = null;
        wkFullAuth = false;
        kdbPath = null;
        kdbPassword = null;
        kdbLabel = null;
        lastError = null;
        initEnumRcs.clear();
    }

    /** https_init(peAppID) with the default protocol flags: SSLv2/3 off, TLS 1.0 to 1.3 on. */
    static int httpsInit(String appId) {
        boolean sslv2 = false;
        boolean sslv3 = false;
        boolean tlsv10 = true;
        boolean tlsv11 = true;
        boolean tlsv12 = true;
        boolean tlsv13 = true;
        if (wkEnvH != null) {
            lastError = "HTTP_GSKENVI";
            return 0;
        }
        wkEnvH = new GskHandle();
        int rc = gsk_environment_open(wkEnvH);
        if (rc != 0) {
            lastError = "HTTP_GSKENVO";
            return -1;
        }
        if (kdbPath != null) {
            rc = gsk_attribute_set_buffer(wkEnvH, 201, kdbPath, kdbPath.length()); // GSK_KEYRING_FILE
            if (rc != 0) {
                return fail("HTTP_GSKKEYF");
            }
            if (kdbPassword != null && !kdbPassword.isEmpty()) {
                rc = gsk_attribute_set_buffer(wkEnvH, 202, kdbPassword, kdbPassword.length()); // GSK_KEYRING_PW
                if (rc != 0) {
                    return fail("HTTP_GSKKEYF");
                }
            }
            if (kdbLabel != null && !kdbLabel.isEmpty()) {
                rc = gsk_attribute_set_buffer(wkEnvH, 203, kdbLabel, kdbLabel.length()); // GSK_KEYRING_LABEL
                if (rc != 0) {
                    return fail("HTTP_GSKKEYF");
                }
            }
        } else {
            if (appId.startsWith("/")) {
                rc = gsk_attribute_set_buffer(wkEnvH, 201, appId, appId.trim().length()); // GSK_KEYRING_FILE
                if (rc != 0) {
                    return fail("HTTP_GSKKEYF");
                }
            }
            if (appId.isBlank()) {
                rc = gsk_attribute_set_buffer(wkEnvH, 201, "*SYSTEM", 0); // GSK_KEYRING_FILE
                if (rc != 0) {
                    return fail("HTTP_GSKKEYF");
                }
            }
            if (!appId.isBlank() && !appId.startsWith("/")) {
                rc = gsk_attribute_set_buffer(wkEnvH, 6999, appId.strip(), 0); // GSK_IBMI_APPLICATION_ID
                if (rc != 0) {
                    return fail("HTTP_GSKAPPID");
                }
            }
        }
        rc = gsk_attribute_set_enum(wkEnvH, 402, 507); // GSK_SESSION_TYPE, GSK_CLIENT_SESSION
        initEnumRcs.add(rc);
        if (rc != 0) {
            return fail("HTTP_GSKSTYP");
        }
        rc = gsk_attribute_set_enum(wkEnvH, 410, wkFullAuth ? 534 : 535); // GSK_SERVER_AUTH_TYPE FULL/PASSTHRU
        initEnumRcs.add(rc);
        if (rc != 0 && rc != 701) { // GSK_ATTRIBUTE_INVALID_ID: old releases lack it
            return fail("HTTP_GSKATYP");
        }
        rc = gsk_attribute_set_enum(wkEnvH, 401, wkFullAuth ? 503 : 505); // GSK_CLIENT_AUTH_TYPE FULL/PASSTHRU
        initEnumRcs.add(rc);
        if (rc != 0) {
            return fail("HTTP_GSKATYP");
        }
        // SSL_force_protocol()
        for (int[] set : new int[][] {{403, sslv2 ? 510 : 511}, {404, sslv3 ? 512 : 513}, {407, tlsv10 ? 518 : 519}}) {
            rc = gsk_attribute_set_enum(wkEnvH, set[0], set[1]); // GSK_PROTOCOL_SSLV2, _SSLV3, _TLSV1
            initEnumRcs.add(rc);
            if (rc != 0) {
                return fail("HTTP_SSPSET");
            }
        }
        // TLS_force_protocol() / TLS_set_version()
        for (int[] set : new int[][] {{436, tlsv10 ? 1 : 0}, {437, tlsv11 ? 1 : 0}, {438, tlsv12 ? 1 : 0}, {4030, tlsv13 ? 1 : 0}}) {
            rc = gsk_attribute_set_enum(wkEnvH, set[0], set[1]); // GSK_PROTOCOL_TLSV10 .. _TLSV13, GSK_TRUE/FALSE
            initEnumRcs.add(rc);
            if (rc == 701 || rc == 412) { // GSK_ATTRIBUTE_INVALID_ID, GSK_ERROR_UNSUPPORTED: "unavailable"
                continue;
            }
            if (rc != 0) {
                return fail("HTTP_TLSSET");
            }
        }
        envInitRc = gsk_environment_init(wkEnvH);
        if (envInitRc != 0) {
            return fail(envInitRc == 6002 ? "HTTP_NOTREG" : "HTTP_GSKATYP"); // GSK_IBMI_ERROR_NOT_REGISTERED
        }
        gsk_attribute_get_cert_info(wkEnvH, 701, new CertDataRef(), new IntRef()); // SSL_debug_cert_info(GSK_LOCAL_CERT_INFO)
        return 0;
    }

    private static int fail(String error) {
        lastError = error;
        httpsCleanup();
        return -1;
    }

    /** CommSSL_Connect's first half: https_init(*blanks) when no environment exists yet. */
    boolean connect() {
        return wkEnvH != null || httpsInit(" ") != -1;
    }

    /** CommSSL_Upgrade(peTimeout, peEndHost). */
    boolean upgrade(int timeoutSeconds, String sniHost) throws IOException {
        GskHandle wwSSLh = new GskHandle();
        int rc = gsk_secure_soc_open(wkEnvH, wwSSLh);
        if (rc != 0) {
            lastError = "HTTP_SSOPEN";
            sock.close();
            return false;
        }
        rc = gsk_attribute_set_numeric_value(wwSSLh, 6998, timeoutSeconds); // GSK_HANDSHAKE_TIMEOUT
        if (rc != 0) {
            return upgradeFailed(wwSSLh, "HTTP_SSSNTO");
        }
        rc = gsk_attribute_set_numeric_value(wwSSLh, 6993, timeoutSeconds * 1000); // GSK_IBMI_READ_TIMEOUT
        if (rc != 0) {
            return upgradeFailed(wwSSLh, "HTTP_SSSNTO");
        }
        rc = gsk_attribute_set_numeric_value(wwSSLh, 300, fd); // GSK_FD
        if (rc != 0) {
            return upgradeFailed(wwSSLh, "HTTP_SSSNFD");
        }
        if (sniHost != null && !sniHost.isBlank()) {
            gsk_attribute_set_buffer(wwSSLh, 230, sniHost.trim(), sniHost.trim().length()); // SNI errors are not fatal
        }
        socInitRc = gsk_secure_soc_init(wwSSLh);
        if (socInitRc != 0) {
            if (socInitRc == 6011) { // GSK_IBMI_ERROR_TIMED_OUT
                lastError = "HTTP_SSTIMO";
                closeRc = gsk_secure_soc_close(wwSSLh);
                return false;
            }
            lastError = "HTTP_SSSNFD"; // 'SSL Handshake: ' + ssl_error(rc); HTTPAPI returns without closing
            return false;
        }
        IntRef code = new IntRef();
        gsk_attribute_get_numeric_value(wwSSLh, 6996, code); // GSK_CERTIFICATE_VALIDATION_CODE
        validationCode = code.value;
        IntRef count = new IntRef();
        gsk_attribute_get_cert_info(wwSSLh, 700, new CertDataRef(), count); // GSK_PARTNER_CERT_INFO
        certElementCount = count.value;
        protocolUsed = sslProtocol(wwSSLh);
        sslh = wwSSLh;
        return true;
    }

    private boolean upgradeFailed(GskHandle h, String error) throws IOException {
        lastError = error;
        sock.close();
        gsk_secure_soc_close(h);
        return false;
    }

    /** SSL_protocol(): GSK_PROTOCOL_USED in words. */
    private static String sslProtocol(GskHandle h) {
        IntRef v = new IntRef();
        if (gsk_attribute_get_enum(h, 405, v) != 0) { // GSK_PROTOCOL_USED
            lastError = "HTTP_SSPROT";
            return "";
        }
        switch (v.value) {
            case 514: return "SSL Version 2";
            case 515: return "SSL Version 3";
            case 520: return "TLS Version 1.0";
            case 595: return "TLS Version 1.1";
            case 596: return "TLS Version 1.2";
            case 5000: return "TLS Version 1.3";
            default:
                lastError = "HTTP_SSPUNK";
                return "";
        }
    }

    /** CommSSL_BlockWrite(): GSK_WOULD_BLOCK waits for POLLOUT within the timeout. */
    int blockWrite(byte[] data, int timeoutSeconds) throws IOException {
        int pos = 0;
        int sent = 0;
        while (pos < data.length) {
            byte[] left = Arrays.copyOfRange(data, pos, data.length);
            IntRef len = new IntRef();
            int rc = gsk_secure_soc_write(sslh, left, left.length, len);
            writeRcs.add(rc);
            if (rc == 0 && len.value < left.length) {
                partialWrites++;
            }
            if (rc != 0) {
                if (rc != 502) { // GSK_WOULD_BLOCK
                    lastError = "HTTP_BWSEND";
                    return -1;
                }
                if (Net.poll(sock, SelectionKey.OP_WRITE, timeoutSeconds * 1000L) == 0) {
                    lastError = "HTTP_BWTIMO";
                    return -1;
                }
                continue;
            }
            pos += len.value;
            sent += len.value;
        }
        return sent;
    }

    /** refill(): reads until data comes; GSK_WOULD_BLOCK polls for POLLIN within the timeout. */
    private int refill(int timeoutSeconds) throws IOException {
        if (bufLen > 0) {
            return 0;
        }
        bufCurr = 0;
        int safetyNet = 0;
        IntRef len = new IntRef();
        do {
            int rc = gsk_secure_soc_read(sslh, buf, buf.length, len);
            readRcs.add(rc);
            if (rc == 0 && len.value == 0) {
                lastError = "HTTP_BRRECV"; // 'Socket has been shut down.'
                return -1;
            }
            if (rc == 6011) { // GSK_IBMI_ERROR_TIMED_OUT
                lastError = "HTTP_BRTIME";
                return -1;
            }
            if (rc != 0) {
                if (rc != 502) { // GSK_WOULD_BLOCK
                    lastError = "HTTP_BRRECV";
                    return -1;
                }
                if (++safetyNet == 1000) {
                    lastError = "HTTP_BRRECV";
                    return -1;
                }
                if (Net.pollIn(sock, timeoutSeconds * 1000L) == 0) {
                    lastError = "HTTP_BRTIME";
                    return -1;
                }
            }
        } while (len.value <= 0);
        bufLen += len.value;
        return len.value;
    }

    /** CommSSL_Read(). */
    int read(byte[] out, int off, int size, int timeoutSeconds) throws IOException {
        if (refill(timeoutSeconds) == -1) {
            return -1;
        }
        int n = Math.min(size, bufLen);
        System.arraycopy(buf, bufCurr, out, off, n);
        bufLen -= n;
        bufCurr += n;
        return n;
    }

    /** CommSSL_BlockRead(). */
    int blockRead(byte[] out, int size, int timeoutSeconds) throws IOException {
        int got = 0;
        while (size - got > 0) {
            int rec = read(out, got, size - got, timeoutSeconds);
            if (rec < 1) {
                return got == 0 ? -1 : got;
            }
            got += rec;
        }
        return got;
    }

    /** CommSSL_LineRead(): one line up to and including LF. */
    String lineRead(int timeoutSeconds) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (refill(timeoutSeconds) == -1) {
                return null;
            }
            int n = bufLen;
            for (int i = 0; i < n; i++) {
                if (buf[bufCurr + i] == '\n') {
                    line.write(buf, bufCurr, i + 1);
                    bufLen -= i + 1;
                    bufCurr += i + 1;
                    return line.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
            }
            line.write(buf, bufCurr, n);
            bufLen = 0;
        }
    }

    /** CommSSL_Hangup(). */
    void hangup() throws IOException {
        closeRc = gsk_secure_soc_close(sslh);
        sock.close();
    }
}
