package io.gsk4j.programs;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.compat.CertDataElem;
import io.gsk4j.compat.CertDataRef;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import io.gsk4j.compat.Qso_OverlappedIO_t;
import io.gsk4j.compat.Timeval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * curl 8.2.1's GSKit backend ({@code lib/vtls/gskit.c}, the last release that had it), call
 * for call: the same gsk_* and Qso* calls in the same order with the numbers its headers
 * compile to, and the same branches on their return codes. curl's own plumbing (connection
 * filters, the multi interface) is reduced to what decides those calls: its options are
 * fields, its CURLcode results are returned as numbers, and its transfer loop is the test's.
 * Read from the curl repository's lib/vtls/gskit.c (the gsk_* part is the same in 8.2.1 as
 * in the stored 2022 revision; only the filter plumbing around it changed).
 */
final class CurlGskit {
    // CURLcode values (include/curl/curl.h)
    static final int CURLE_OK = 0;
    static final int CURLE_UNSUPPORTED_PROTOCOL = 1;
    static final int CURLE_OUT_OF_MEMORY = 27;
    static final int CURLE_OPERATION_TIMEDOUT = 28;
    static final int CURLE_SSL_CONNECT_ERROR = 35;
    static final int CURLE_SEND_ERROR = 55;
    static final int CURLE_RECV_ERROR = 56;
    static final int CURLE_SSL_CERTPROBLEM = 58;
    static final int CURLE_SSL_CIPHER = 59;
    static final int CURLE_PEER_FAILED_VERIFICATION = 60;
    static final int CURLE_SSL_CACERT_BADFILE = 77;
    static final int CURLE_AGAIN = 81;

    /** CURL_CA_BUNDLE as curl's OS/400 build defines it: the keyring file that means "use DCM". */
    static final String CURL_CA_BUNDLE = "/QIBM/UserData/ICSS/Cert/Server/DEFAULT.KDB";

    // curl's protocol flags (CURL_GSKPROTO_*_MASK)
    private static final int SSLV2_MASK = 1;
    private static final int SSLV3_MASK = 1 << 1;
    private static final int TLSV10_MASK = 1 << 2;
    private static final int TLSV11_MASK = 1 << 3;
    private static final int TLSV12_MASK = 1 << 4;

    // ---- curl's options for this transfer ----
    /** CURLOPT_CAINFO: the keyring file. */
    String caFile = CURL_CA_BUNDLE;
    /** CURLOPT_KEYPASSWD. */
    String keyPasswd;
    /** CURLOPT_SSLCERT: the application ID, or the label in keyring mode. */
    String clientCert;
    /** CURLOPT_SSL_VERIFYPEER (false is -k). */
    boolean verifyPeer = true;
    /** CURLOPT_SSL_CIPHER_LIST; only curl's names, e.g. "aes128-sha" (GSKit "2F"). */
    String cipherList;
    String hostName = "localhost";
    /** What Curl_timeleft() returns when the handshake starts (the connect timeout left). */
    long timeLeftMillis = 10_000;

    // ---- what curl observed, for the test to check ----
    /** rc of the application-ID gsk_environment_init, when app-ID mode was tried. */
    Integer appIdInitRc;
    /** rc of gsk_environment_init in keyring mode. */
    Integer keyringInitRc;
    /** rc of gsk_secure_soc_startInit. */
    int startInitRc;
    /** cstat.returnValue of the handshake's completion. */
    Integer handshakeReturnValue;
    /** QsoWaitForIOCompletion's result, and QsoCancelOperation's when curl cancelled. */
    int waitResult;
    Integer cancelResult;
    int closeRc = -1;
    /** The partner certificate's DER as curl takes it (element CERT_BODY_DER, length of element 0). */
    byte[] serverCertificate;
    /** What gskit_shutdown read raw from the socket after gsk_secure_soc_close (FTP CCC). */
    final ByteArrayOutputStream afterClose = new ByteArrayOutputStream();

    // ---- struct ssl_backend_data ----
    GskHandle handle;
    int iocport = -1;
    private final SocketChannel sock;
    private final int fd;
    private Qso_OverlappedIO_t commarea;

    CurlGskit(SocketChannel sock) {
        this.sock = sock;
        this.fd = gsk_fd(sock);
    }

    // -------------------------------------------------------------- gskit_status & setters

    static int gskitStatus(int rc, int defcode) {
        switch (rc) {
            case 0: // GSK_OK
            case 6019: // GSK_OS400_ASYNCHRONOUS_SOC_INIT
                return CURLE_OK;
            case 202: // GSK_KEYRING_OPEN_ERROR
            case 6001: // GSK_OS400_ERROR_NO_ACCESS
                return CURLE_SSL_CACERT_BADFILE;
            case 4: // GSK_INSUFFICIENT_STORAGE
                return CURLE_OUT_OF_MEMORY;
            case 421: // GSK_ERROR_BAD_V2_CIPHER
            case 422: // GSK_ERROR_BAD_V3_CIPHER
            case 402: // GSK_ERROR_NO_CIPHERS
                return CURLE_SSL_CIPHER;
            case 6000: // GSK_OS400_ERROR_NOT_TRUSTED_ROOT
            case 8: // GSK_ERROR_CERT_VALIDATION
                return CURLE_PEER_FAILED_VERIFICATION;
            case 6011: // GSK_OS400_ERROR_TIMED_OUT
                return CURLE_OPERATION_TIMEDOUT;
            case 502: // GSK_WOULD_BLOCK
                return CURLE_AGAIN;
            case 6002: // GSK_OS400_ERROR_NOT_REGISTERED
                break;
            case 406: // GSK_ERROR_IO
                if (errno() == 3460) { // ENOMEM
                    return CURLE_OUT_OF_MEMORY;
                }
                break;
            default:
                gsk_strerror(rc); // failf(data, "%s: %s", procname, gsk_strerror(rc))
                break;
        }
        return defcode;
    }

    private static int setEnum(GskHandle h, int id, int value, boolean unsupportedOk) {
        int rc = gsk_attribute_set_enum(h, id, value);
        switch (rc) {
            case 0: // GSK_OK
                return CURLE_OK;
            case 701: // GSK_ATTRIBUTE_INVALID_ID
                if (unsupportedOk) {
                    return CURLE_UNSUPPORTED_PROTOCOL;
                }
                return CURLE_SSL_CONNECT_ERROR;
            default:
                return CURLE_SSL_CONNECT_ERROR;
        }
    }

    private static int setBuffer(GskHandle h, int id, String buf, boolean unsupportedOk) {
        int rc = gsk_attribute_set_buffer(h, id, buf, 0);
        switch (rc) {
            case 0:
                return CURLE_OK;
            case 701: // GSK_ATTRIBUTE_INVALID_ID
                if (unsupportedOk) {
                    return CURLE_UNSUPPORTED_PROTOCOL;
                }
                return CURLE_SSL_CONNECT_ERROR;
            default:
                return CURLE_SSL_CONNECT_ERROR;
        }
    }

    private static int setNumeric(GskHandle h, int id, int value) {
        return gsk_attribute_set_numeric_value(h, id, value) == 0 ? CURLE_OK : CURLE_SSL_CONNECT_ERROR;
    }

    /** set_ciphers(): only the ciphertable rows the tests use; each name maps to its GSKit token. */
    private int setCiphers(GskHandle h, int[] protoflags) {
        if (cipherList == null || cipherList.isBlank()) {
            return CURLE_OK;
        }
        StringBuilder[] ciphers = {new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()};
        boolean unsupported = false;
        int result = CURLE_OK;
        for (String name : cipherList.split("[ \t:,;]+")) {
            String token;
            int versions;
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "aes128-sha" -> {
                    token = "2F";
                    versions = TLSV10_MASK | TLSV11_MASK | TLSV12_MASK;
                }
                case "aes256-sha" -> {
                    token = "35";
                    versions = TLSV10_MASK | TLSV11_MASK | TLSV12_MASK;
                }
                case "aes128-gcm-sha256" -> {
                    token = "9C";
                    versions = TLSV12_MASK;
                }
                default -> {
                    token = null;
                    versions = 0;
                }
            }
            if (token == null) {
                result = CURLE_SSL_CIPHER; // "Unknown cipher"
                continue;
            }
            unsupported |= (versions & (SSLV2_MASK | SSLV3_MASK | TLSV10_MASK)) == 0;
            for (int i = 0; i < 5; i++) {
                if ((versions & (1 << i)) != 0) {
                    ciphers[i].append(token);
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            if ((protoflags[0] & (1 << i)) == 0 || ciphers[i].length() == 0) {
                protoflags[0] &= ~(1 << i);
                ciphers[i].setLength(0);
            }
        }
        if ((protoflags[0] & TLSV11_MASK) != 0) {
            result = setBuffer(h, 237, ciphers[3].toString(), true); // GSK_TLSV11_CIPHER_SPECS
            if (result == CURLE_UNSUPPORTED_PROTOCOL) {
                result = unsupported ? CURLE_SSL_CIPHER : CURLE_OK;
            }
        }
        if (result == CURLE_OK && (protoflags[0] & TLSV12_MASK) != 0) {
            result = setBuffer(h, 238, ciphers[4].toString(), true); // GSK_TLSV12_CIPHER_SPECS
            if (result == CURLE_UNSUPPORTED_PROTOCOL) {
                result = unsupported ? CURLE_SSL_CIPHER : CURLE_OK;
            }
        }
        if (result == CURLE_OK && (protoflags[0] & TLSV10_MASK) != 0) {
            result = setBuffer(h, 236, ciphers[2].toString(), true); // GSK_TLSV10_CIPHER_SPECS
            if (result == CURLE_UNSUPPORTED_PROTOCOL) {
                result = CURLE_OK;
                ciphers[1].append(ciphers[2]);
            }
        }
        if (result == CURLE_OK && (protoflags[0] & SSLV3_MASK) != 0) {
            result = setBuffer(h, 206, ciphers[1].toString(), false); // GSK_V3_CIPHER_SPECS
        }
        if (result == CURLE_OK && (protoflags[0] & SSLV2_MASK) != 0) {
            result = setBuffer(h, 205, ciphers[0].toString(), false); // GSK_V2_CIPHER_SPECS
        }
        return result;
    }

    // -------------------------------------------------------------- environment

    /** init_environment(): returns the CURLcode; the handle in envir[0] on success. */
    private int initEnvironment(GskHandle[] envir, String appid, String file, String label, String password, boolean appIdMode) {
        GskHandle h = new GskHandle();
        int rc = gsk_environment_open(h);
        if (rc != 0) {
            return rc == 4 ? CURLE_OUT_OF_MEMORY : CURLE_SSL_CONNECT_ERROR;
        }
        int result = setEnum(h, 402, 507, false); // GSK_SESSION_TYPE, GSK_CLIENT_SESSION
        if (result == CURLE_OK && appid != null) {
            result = setBuffer(h, 6999, appid, false); // GSK_OS400_APPLICATION_ID
        }
        if (result == CURLE_OK && file != null) {
            result = setBuffer(h, 201, file, false); // GSK_KEYRING_FILE
        }
        if (result == CURLE_OK && label != null) {
            result = setBuffer(h, 203, label, false); // GSK_KEYRING_LABEL
        }
        if (result == CURLE_OK && password != null) {
            result = setBuffer(h, 202, password, false); // GSK_KEYRING_PW
        }
        if (result == CURLE_OK) {
            int initRc = gsk_environment_init(h);
            if (appIdMode) {
                appIdInitRc = initRc;
            } else {
                keyringInitRc = initRc;
            }
            result = gskitStatus(initRc, CURLE_SSL_CERTPROBLEM);
            if (result == CURLE_OK) {
                envir[0] = h;
                return result;
            }
        }
        gsk_environment_close(h);
        return result;
    }

    // -------------------------------------------------------------- connect

    /** gskit_connect_step1(): environment, session, attributes, and the asynchronous handshake. */
    int connectStep1() {
        handle = null;
        iocport = -1;
        GskHandle[] envir = {null};
        if (clientCert != null && !clientCert.isEmpty() && keyPasswd == null && CURL_CA_BUNDLE.equals(caFile)) {
            initEnvironment(envir, clientCert, null, null, null, true); // application identifier mode
        }
        if (envir[0] == null) {
            int result = initEnvironment(envir, null, caFile, clientCert, keyPasswd, false); // keyring mode
            if (result != CURLE_OK) {
                return result;
            }
        }
        handle = new GskHandle();
        int result = gskitStatus(gsk_secure_soc_open(envir[0], handle), CURLE_SSL_CONNECT_ERROR);
        gsk_environment_close(envir[0]);
        if (result != CURLE_OK) {
            return result;
        }
        // CURL_SSLVERSION_DEFAULT
        int[] protoflags = {TLSV10_MASK | TLSV11_MASK | TLSV12_MASK};
        result = setBuffer(handle, 230, hostName, true); // GSK_SSL_EXTN_SERVERNAME_REQUEST
        if (result == CURLE_UNSUPPORTED_PROTOCOL) {
            result = CURLE_OK;
        }
        if (result == CURLE_OK) {
            result = timeLeftMillis < 0 ? CURLE_OPERATION_TIMEDOUT
                    : setNumeric(handle, 6998, (int) ((timeLeftMillis + 999) / 1000)); // GSK_HANDSHAKE_TIMEOUT
        }
        if (result == CURLE_OK) {
            result = setNumeric(handle, 6993, 1); // GSK_OS400_READ_TIMEOUT: 1 ms
        }
        if (result == CURLE_OK) {
            result = setNumeric(handle, 300, fd); // GSK_FD
        }
        if (result == CURLE_OK) {
            result = setCiphers(handle, protoflags);
        }
        if (protoflags[0] == 0) {
            result = CURLE_SSL_CIPHER; // "No SSL protocol/cipher combination enabled"
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 403, (protoflags[0] & SSLV2_MASK) != 0 ? 510 : 511, false); // GSK_PROTOCOL_SSLV2 ON/OFF
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 404, (protoflags[0] & SSLV3_MASK) != 0 ? 512 : 513, false); // GSK_PROTOCOL_SSLV3 ON/OFF
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 407, (protoflags[0] & TLSV10_MASK) != 0 ? 518 : 519, false); // GSK_PROTOCOL_TLSV1 ON/OFF
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 437, (protoflags[0] & TLSV11_MASK) != 0 ? 1 : 0, true); // GSK_PROTOCOL_TLSV11 TRUE/FALSE
            if (result == CURLE_UNSUPPORTED_PROTOCOL) {
                result = protoflags[0] == TLSV11_MASK ? CURLE_SSL_CIPHER : CURLE_OK;
            }
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 438, (protoflags[0] & TLSV12_MASK) != 0 ? 1 : 0, true); // GSK_PROTOCOL_TLSV12 TRUE/FALSE
            if (result == CURLE_UNSUPPORTED_PROTOCOL) {
                result = protoflags[0] == TLSV12_MASK ? CURLE_SSL_CIPHER : CURLE_OK;
            }
        }
        if (result == CURLE_OK) {
            result = setEnum(handle, 410, verifyPeer ? 534 : 535, false); // GSK_SERVER_AUTH_TYPE FULL/PASSTHRU
        }
        if (result == CURLE_OK) {
            commarea = new Qso_OverlappedIO_t();
            iocport = QsoCreateIOCompletionPort();
            if (iocport != -1) {
                startInitRc = gsk_secure_soc_startInit(handle, iocport, commarea);
                result = gskitStatus(startInitRc, CURLE_SSL_CONNECT_ERROR);
                if (result == CURLE_OK) {
                    return CURLE_OK; // connecting_state = ssl_connect_2
                }
                closeAsyncHandshake();
            } else {
                result = gskitStatus(406, 0); // QsoCreateIOCompletionPort() failed
            }
        }
        closeOne();
        return result;
    }

    /**
     * gskit_connect_step2(): waits for the handshake's completion; {@code nonblocking} is the
     * multi interface's poll (timeout 0). Returns CURLE_OK with {@link #handshakeDone()} false
     * while the handshake is still running in non-blocking mode.
     */
    int connectStep2(boolean nonblocking) {
        Qso_OverlappedIO_t cstat = new Qso_OverlappedIO_t();
        while (true) {
            long timeoutMs = nonblocking ? 0 : Math.max(0, timeLeftMillis);
            Timeval stmv = new Timeval(timeoutMs / 1000, (timeoutMs % 1000) * 1000);
            waitResult = QsoWaitForIOCompletion(iocport, cstat, stmv);
            if (waitResult == 1) {
                break;
            }
            if (waitResult == -1) {
                if (errno() == 3407) { // EINTR
                    if (nonblocking) {
                        return CURLE_OK;
                    }
                    continue;
                }
                if (errno() != 3409) { // ETIME
                    cancelAsyncHandshake();
                    closeAsyncHandshake();
                    return CURLE_SSL_CONNECT_ERROR;
                }
            }
            // 0 (or ETIME): the handshake is still in progress
            if (nonblocking) {
                return CURLE_OK;
            }
            cancelAsyncHandshake();
            closeAsyncHandshake();
            return CURLE_OPERATION_TIMEDOUT;
        }
        handshakeReturnValue = cstat.returnValue;
        int result = gskitStatus(cstat.returnValue, CURLE_SSL_CONNECT_ERROR);
        closeAsyncHandshake();
        return result;
    }

    boolean handshakeDone() {
        return handshakeReturnValue != null;
    }

    /** gskit_connect_step3(): the partner certificate, as curl takes it for host verification. */
    int connectStep3() {
        CertDataRef cdev = new CertDataRef();
        IntRef cdec = new IntRef();
        if (gskitStatus(gsk_attribute_get_cert_info(handle, 700, cdev, cdec), CURLE_SSL_CONNECT_ERROR) == CURLE_OK) { // GSK_PARTNER_CERT_INFO
            for (int i = 0; i < cdec.value; i++) {
                CertDataElem p = cdev.value[i];
                if (p.cert_data_id == 600) { // CERT_BODY_DER
                    // curl's certend = cert + cdev->cert_data_l: the length of element 0, not of p
                    serverCertificate = java.util.Arrays.copyOf(p.cert_data_p, cdev.value[0].cert_data_l);
                }
            }
        }
        return CURLE_OK; // Curl_verifyhost() is curl's own, not GSKit's
    }

    /** gskit_connect(): blocking connect through all three steps. */
    int connect() {
        int result = connectStep1();
        if (result == CURLE_OK) {
            result = connectStep2(false);
        }
        if (result == CURLE_OK) {
            result = connectStep3();
        }
        if (result != CURLE_OK) {
            closeOne();
        }
        return result;
    }

    private void cancelAsyncHandshake() {
        cancelResult = QsoCancelOperation(fd, 0);
        if (cancelResult > 0) {
            QsoWaitForIOCompletion(iocport, new Qso_OverlappedIO_t(), null);
        }
    }

    private void closeAsyncHandshake() {
        QsoDestroyIOCompletionPort(iocport);
        iocport = -1;
    }

    // -------------------------------------------------------------- data

    /** gskit_recv(): bytes read (0 at end), or -1 with the CURLcode in code[0]. */
    int recv(byte[] buf, int[] code) {
        IntRef nread = new IntRef();
        int cc = gskitStatus(gsk_secure_soc_read(handle, buf, buf.length, nread), CURLE_RECV_ERROR);
        if (cc == CURLE_OPERATION_TIMEDOUT) {
            cc = CURLE_AGAIN;
        }
        if (cc != CURLE_OK) {
            code[0] = cc;
            return -1;
        }
        return nread.value;
    }

    /** gskit_send(): bytes written, or -1 with the CURLcode in code[0]. */
    int send(byte[] mem, int len, int[] code) {
        IntRef written = new IntRef();
        int cc = gskitStatus(gsk_secure_soc_write(handle, mem, len, written), CURLE_SEND_ERROR);
        if (cc != CURLE_OK) {
            code[0] = cc;
            return -1;
        }
        return written.value;
    }

    // -------------------------------------------------------------- close

    /** close_one(). */
    void closeOne() {
        if (handle != null && !handle.isNull()) {
            closeRc = gsk_secure_soc_close(handle);
            gskitStatus(closeRc, 0);
            handle = null;
        }
        if (iocport >= 0) {
            closeAsyncHandshake();
        }
    }

    /**
     * gskit_shutdown() for FTP CCC (CURLFTPSSL_CCC_ACTIVE): close the secure session, then
     * read raw from the socket, "hope that it is the close notify alert from the server":
     * wait up to SSL_SHUTDOWN_TIMEOUT (10 s) for it, then read as long as more is ready.
     * Returns 0, or -1 on a socket error; {@link #afterClose} holds what was read.
     */
    int shutdown() throws IOException {
        closeOne();
        int rc = 0;
        int loop = 10;
        int what = Net.pollIn(sock, 10_000); // SOCKET_READABLE(sock, SSL_SHUTDOWN_TIMEOUT)
        while (loop-- > 0) {
            if (what == 0) {
                break; // failf(data, "SSL shutdown timeout")
            }
            ByteBuffer buf = ByteBuffer.allocate(120);
            int nread;
            try {
                nread = sock.read(buf);
            } catch (IOException e) {
                rc = -1;
                break;
            }
            if (nread <= 0) {
                break;
            }
            afterClose.write(buf.array(), 0, nread);
            what = Net.pollIn(sock, 0);
        }
        return rc;
    }
}
