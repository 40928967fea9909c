package io.gsk4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every return code the IBM i GSKit secure-socket API can hand back.
 *
 * <p>This enum is THE one table of numbers in gsk4j: nothing else spells a return code
 * as a literal, so correcting a number or a name is a one-line change here. Values,
 * names and confidence come from {@code spec/return-codes.md} section 3, which cites its
 * sources by tag (S1/S2 IBM i error-code tables, S3/S4 the GSKSSL header transcriptions,
 * S5/S6 third-party code lists, S7 IBM i API pages, S8-S10 distributed GSKit and z/OS
 * for comparison, S11 curl). 70000 is deliberately absent: it only forces the C enum to
 * four bytes and is never returned. 6006 is a gap in every source.
 *
 * <p>The texts are our own one-sentence paraphrases; IBM's own gsk_strerror wording was
 * not available.
 *
 * <p>Codes in the IBM i range (6000-6019) get their {@code GSK_OS400_} and
 * {@code GSK_AS400_} spellings automatically, because old programs still use them.
 */
public enum GskStatus {
    GSK_OK(0, Confidence.IBMI_DOC, "The call completed successfully."),
    GSK_INVALID_HANDLE(1, Confidence.IBMI_DOC, "The handle was not returned by a successful open, or it has already been closed."),
    GSK_API_NOT_AVAILABLE(2, Confidence.IBMI_DOC, "The secure-socket support this call needs is not installed on the system."),
    GSK_INTERNAL_ERROR(3, Confidence.IBMI_DOC, "An unexpected internal failure occurred in the TLS support."),
    GSK_INSUFFICIENT_STORAGE(4, Confidence.IBMI_DOC, "Storage for the request could not be allocated."),
    GSK_INVALID_STATE(5, Confidence.IBMI_DOC, "The handle is not in a state that allows this call."),
    GSK_KEY_LABEL_NOT_FOUND(6, Confidence.IBMI_HDR, "The requested key label does not exist in the key store."),
    GSK_CERTIFICATE_NOT_AVAILABLE(7, Confidence.IBMI_HDR, "The partner did not send a certificate."),
    GSK_ERROR_CERT_VALIDATION(8, Confidence.IBMI_DOC, "The certificate failed validation or was rejected by the validation callback."),
    GSK_ERROR_CRYPTO(9, Confidence.IBMI_HDR, "A cryptographic operation failed."),
    GSK_ERROR_ASN(10, Confidence.IBMI_HDR, "A certificate field could not be decoded as valid ASN.1."),
    GSK_ERROR_LDAP(11, Confidence.IBMI_HDR, "Communication with the LDAP server failed."),
    GSK_ERROR_UNKNOWN_ERROR(12, Confidence.IBMI_HDR, "An unidentified internal error occurred."),
    GSK_INVALID_PARAMETER(13, Confidence.SINGLE, "A parameter passed to the call is not valid."),

    GSK_OPEN_CIPHER_ERROR(101, Confidence.IBMI_HDR, "The cipher support could not be initialised."),
    GSK_KEYFILE_IO_ERROR(102, Confidence.IBMI_HDR, "Reading the key store failed with an I/O error."),
    GSK_KEYFILE_INVALID_FORMAT(103, Confidence.IBMI_HDR, "The key store's internal format is not valid."),
    GSK_KEYFILE_DUPLICATE_KEY(104, Confidence.IBMI_HDR, "The key store holds two entries with the same key."),
    GSK_KEYFILE_DUPLICATE_LABEL(105, Confidence.IBMI_HDR, "The key store holds two entries with the same label."),
    GSK_BAD_FORMAT_OR_INVALID_PASSWORD(106, Confidence.IBMI_HDR, "The key store is damaged or the password given for it is wrong."),
    GSK_KEYFILE_CERT_EXPIRED(107, Confidence.IBMI_DOC, "The certificate is outside its validity period."),
    GSK_ERROR_LOAD_GSKLIB(108, Confidence.IBMI_HDR, "A library the TLS support depends on could not be loaded."),
    GSK_PENDING_CLOSE_ERROR(109, Confidence.IBMI_HDR, "A session was requested from an environment that is already being closed."),

    GSK_NO_KEYFILE_PASSWORD(201, Confidence.IBMI_DOC, "No password or stash file was supplied for the certificate store."),
    GSK_KEYRING_OPEN_ERROR(202, Confidence.IBMI_DOC, "The certificate store could not be opened."),
    GSK_RSA_TEMP_KEY_PAIR(203, Confidence.IBMI_HDR, "A temporary RSA key pair could not be generated."),
    GSK_ERROR_LDAP_NO_SUCH_OBJECT(204, Confidence.IBMI_HDR, "The LDAP directory has no entry for the requested user."),
    GSK_ERROR_LDAP_INVALID_CREDENTIALS(205, Confidence.IBMI_HDR, "The LDAP server rejected the supplied password."),
    GSK_ERROR_BAD_INDEX(206, Confidence.IBMI_HDR, "The LDAP fail-over index is not valid."),
    GSK_ERROR_FIPS_NO_SUPPORTED(207, Confidence.SINGLE, "FIPS mode is not available."),

    GSK_CLOSE_FAILED(301, Confidence.IBMI_DOC, "Closing the environment or session did not complete."),

    GSK_ERROR_BAD_DATE(401, Confidence.IBMI_HDR, "The certificate is not yet valid or has expired."),
    GSK_ERROR_NO_CIPHERS(402, Confidence.IBMI_DOC, "No cipher suite is enabled, or none is shared with the partner."),
    GSK_ERROR_NO_CERTIFICATE(403, Confidence.IBMI_DOC, "No certificate was available for the handshake."),
    GSK_ERROR_BAD_CERTIFICATE(404, Confidence.IBMI_DOC, "The certificate is not usable."),
    GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE(405, Confidence.IBMI_DOC, "The certificate type or its signature algorithm is not allowed."),
    GSK_ERROR_IO(406, Confidence.IBMI_DOC, "An I/O error occurred during TLS processing; errno holds the detail."),
    GSK_ERROR_BAD_KEYFILE_LABEL(407, Confidence.IBMI_DOC, "The certificate label is not valid or is not in the store."),
    GSK_ERROR_BAD_KEYFILE_PASSWORD(408, Confidence.IBMI_DOC, "The certificate store password is wrong."),
    GSK_ERROR_BAD_KEY_LEN_FOR_EXPORT(409, Confidence.IBMI_DOC, "The key is too long for an export cipher suite."),
    GSK_ERROR_BAD_MESSAGE(410, Confidence.IBMI_DOC, "A malformed TLS message was received."),
    GSK_ERROR_BAD_MAC(411, Confidence.IBMI_DOC, "A record arrived whose integrity check failed."),
    GSK_ERROR_UNSUPPORTED(412, Confidence.IBMI_DOC, "The requested operation or attribute is not supported."),
    GSK_ERROR_BAD_CERT_SIG(413, Confidence.IBMI_HDR, "The certificate's signature does not verify."),
    GSK_ERROR_BAD_CERT(414, Confidence.IBMI_DOC, "The partner's certificate is not usable."),
    GSK_ERROR_BAD_PEER(415, Confidence.IBMI_DOC, "The partner broke the TLS protocol or could not be recognised."),
    GSK_ERROR_PERMISSION_DENIED(416, Confidence.IBMI_HDR, "Permission for the operation was denied."),
    GSK_ERROR_SELF_SIGNED(417, Confidence.IBMI_DOC, "A self-signed certificate was refused."),
    GSK_ERROR_NO_READ_FUNCTION(418, Confidence.IBMI_HDR, "No read callback has been supplied."),
    GSK_ERROR_NO_WRITE_FUNCTION(419, Confidence.IBMI_HDR, "No write callback has been supplied."),
    // The seed page for gsk_secure_soc_init names GSK_ERROR_CLOSED without a number; functions.md 2.5 maps it here.
    GSK_ERROR_SOCKET_CLOSED(420, Confidence.IBMI_DOC, "The socket under the session was closed, or the partner closed the connection.", "GSK_ERROR_CLOSED"),
    GSK_ERROR_BAD_V2_CIPHER(421, Confidence.IBMI_HDR, "An SSLv2 cipher setting is not valid."),
    GSK_ERROR_BAD_V3_CIPHER(422, Confidence.IBMI_HDR, "An SSLv3 or TLS cipher suite setting is not valid."),
    GSK_ERROR_BAD_SEC_TYPE(423, Confidence.IBMI_HDR, "The security type is not valid."),
    GSK_ERROR_BAD_SEC_TYPE_COMBINATION(424, Confidence.IBMI_HDR, "The combination of security types is not valid."),
    GSK_ERROR_HANDLE_CREATION_FAILED(425, Confidence.IBMI_HDR, "A handle could not be created."),
    GSK_ERROR_INITIALIZATION_FAILED(426, Confidence.IBMI_HDR, "Initialisation did not succeed."),
    GSK_ERROR_LDAP_NOT_AVAILABLE(427, Confidence.IBMI_HDR, "The LDAP server could not be reached."),
    GSK_ERROR_NO_PRIVATE_KEY(428, Confidence.IBMI_HDR, "The certificate has no private key attached."),
    GSK_ERROR_PKCS11_LIBRARY_NOTLOADED(429, Confidence.IBMI_HDR, "The PKCS#11 library could not be loaded."),
    GSK_ERROR_PKCS11_TOKEN_LABELMISMATH(430, Confidence.IBMI_HDR, "The PKCS#11 token label does not match."),
    GSK_ERROR_PKCS11_TOKEN_NOTPRESENT(431, Confidence.IBMI_HDR, "The PKCS#11 token is not present."),
    GSK_ERROR_PKCS11_TOKEN_BADPASSWORD(432, Confidence.IBMI_HDR, "The PKCS#11 token password is wrong."),
    GSK_ERROR_INVALID_V2_HEADER(433, Confidence.IBMI_HDR, "An SSLv2 record header is not valid."),
    GSK_CSP_OPEN_ERROR(434, Confidence.IBMI_HDR, "The cryptographic service provider could not be opened."),
    GSK_CONFLICTING_ATTRIBUTE_SETTING(435, Confidence.IBMI_HDR, "Two attribute settings contradict each other."),
    GSK_UNSUPPORTED_PLATFORM(436, Confidence.IBMI_HDR, "The request is not supported on this platform."),
    GSK_PEERID_NOT_SET_ERROR(437, Confidence.IBMI_HDR, "No peer identifier has been set."),
    GSK_ERROR_INCORRECT_SESSION_TYPE(438, Confidence.IBMI_HDR, "The session type does not allow this request."),
    GSK_ERROR_BAD_TLSV11_CIPHER(439, Confidence.IBMI_HDR, "A TLS 1.1 cipher suite setting is not valid."),
    GSK_ERROR_PKCS11_DEVICE(440, Confidence.IBMI_HDR, "The PKCS#11 device reported an error."),
    GSK_ERROR_PKCS11_DEVICE_SEVERE(441, Confidence.IBMI_HDR, "The PKCS#11 device reported a severe error."),
    GSK_ERROR_EMPTY_DATA_SEGMENT(442, Confidence.IBMI_HDR, "A record with no application data was received."),
    GSK_ERROR_NO_RI_INDICATION(443, Confidence.IBMI_HDR, "The partner did not signal secure-renegotiation support although it was required."),
    GSK_ERROR_SEQNUM_EXHAUSTED(444, Confidence.IBMI_HDR, "The connection has used up its record sequence numbers."),

    GSK_INVALID_BUFFER_SIZE(501, Confidence.IBMI_HDR, "The buffer length is less than one."),
    GSK_WOULD_BLOCK(502, Confidence.IBMI_DOC, "The socket is non-blocking and the operation would have had to wait."),
    GSK_ERROR_SSL_CLOSED(503, Confidence.IBMI_HDR, "A close-notify has already been sent on this session, so no more data can be written."),

    GSK_ERROR_NOT_SSLV3(601, Confidence.IBMI_HDR, "The request needs an SSLv3 or TLS session."),
    GSK_MISC_INVALID_ID(602, Confidence.IBMI_HDR, "The miscellaneous-operation identifier is not valid."),

    GSK_ATTRIBUTE_INVALID_ID(701, Confidence.IBMI_HDR, "The attribute identifier is not valid for this handle."),
    GSK_ATTRIBUTE_INVALID_LENGTH(702, Confidence.IBMI_HDR, "The buffer length given for the attribute is not valid."),
    GSK_ATTRIBUTE_INVALID_ENUMERATION(703, Confidence.IBMI_HDR, "The value is not one the enumerated attribute accepts."),
    GSK_ATTRIBUTE_INVALID_SID_CACHE(704, Confidence.IBMI_HDR, "The session-ID cache setting is not valid."),
    GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE(705, Confidence.IBMI_HDR, "The numeric value is outside the range the attribute accepts.", "GSK_ATTRIBUTE_INVALID_NUMERIC"),
    GSK_CONFLICTING_VALIDATION_SETTING(706, Confidence.IBMI_HDR, "The authentication type contradicts the registered certificate validation callback."),
    GSK_AES_UNSUPPORTED(707, Confidence.IBMI_HDR, "AES cipher suites are not available."),
    GSK_PEERID_LENGTH_ERROR(708, Confidence.IBMI_HDR, "The peer identifier has a length that is not valid."),
    GSK_FIPS_CIPHER_INVALID_WHEN_FIPS_MODE_OFF(709, Confidence.IBMI_HDR, "A FIPS-only cipher suite was requested while FIPS mode is off."),
    GSK_CIPHER_INVALID_WHEN_FIPS_MODE_ON(710, Confidence.IBMI_HDR, "The cipher suite is not allowed while FIPS mode is on."),
    GSK_CIPHER_INVALID_WHEN_SUITEB_MODE_ON(711, Confidence.IBMI_HDR, "The cipher suite is not allowed while Suite B mode is on."),

    // 15xx and 16xx are callback and trace results, not API returns; kept so every number prints a name.
    GSK_SC_OK(1501, Confidence.IBMI_HDR, "The certificate-prompt callback accepted the request."),
    GSK_SC_CANCEL(1502, Confidence.IBMI_HDR, "The certificate-prompt callback cancelled the request."),
    GSK_TRACE_STARTED(1601, Confidence.IBMI_HDR, "Tracing has started."),
    GSK_TRACE_STOPPED(1602, Confidence.IBMI_HDR, "Tracing has stopped."),
    GSK_TRACE_NOT_STARTED(1603, Confidence.IBMI_HDR, "Tracing was not running."),
    GSK_TRACE_ALREADY_STARTED(1604, Confidence.IBMI_HDR, "Tracing was already running."),
    GSK_TRACE_OPEN_FAILED(1605, Confidence.IBMI_HDR, "The trace file could not be opened."),

    // IBM i range. The OS400/AS400 spellings are added by the constructor.
    // SSL_ERROR_NOT_TRUSTED_ROOT is the name the 7.1 and seed API pages print for this case.
    GSK_IBMI_ERROR_NOT_TRUSTED_ROOT(6000, Confidence.IBMI_HDR, "The certificate chain does not end at a certificate authority trusted by the certificate store.", "SSL_ERROR_NOT_TRUSTED_ROOT"),
    GSK_IBMI_ERROR_PASSWORD_EXPIRED(6001, Confidence.IBMI_HDR, "The certificate store password has expired."),
    GSK_IBMI_ERROR_NOT_REGISTERED(6002, Confidence.IBMI_HDR, "The application ID is not registered with the certificate manager."),
    GSK_IBMI_ERROR_NO_ACCESS(6003, Confidence.IBMI_HDR, "The caller is not authorised to the certificate store."),
    GSK_IBMI_ERROR_CLOSED(6004, Confidence.IBMI_HDR, "Another thread closed the secure session while this operation was in progress."),
    GSK_IBMI_ERROR_NO_CERTIFICATE_AUTHORITIES(6005, Confidence.IBMI_HDR, "No trusted certificate authorities are available to the application."),
    GSK_IBMI_ERROR_NO_INITIALIZE(6007, Confidence.IBMI_HDR, "The environment has not been initialised successfully."),
    GSK_IBMI_ERROR_ALREADY_SECURE(6008, Confidence.IBMI_HDR, "The socket already carries a secure session."),
    GSK_IBMI_ERROR_NOT_TCP(6009, Confidence.IBMI_HDR, "The socket is not an AF_INET or AF_INET6 stream socket."),
    GSK_IBMI_ERROR_INVALID_POINTER(6010, Confidence.IBMI_HDR, "A pointer argument is not valid."),
    GSK_IBMI_ERROR_TIMED_OUT(6011, Confidence.IBMI_HDR, "The read or handshake time limit expired."),
    GSK_IBMI_ASYNCHRONOUS_RECV(6012, Confidence.IBMI_HDR, "The asynchronous receive was started; its result will be posted to the completion port."),
    GSK_IBMI_ASYNCHRONOUS_SEND(6013, Confidence.IBMI_HDR, "The asynchronous send was started; its result will be posted to the completion port."),
    GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T(6014, Confidence.IBMI_HDR, "The overlapped I/O structure is not valid."),
    GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT(6015, Confidence.IBMI_HDR, "The I/O completion port is not valid."),
    GSK_IBMI_ERROR_BAD_SOCKET_DESCRIPTOR(6016, Confidence.IBMI_HDR, "The socket descriptor is not valid."),
    // 6017/6018: only S3 has them; the OS400/AS400 spellings are assumed by analogy.
    GSK_IBMI_ERROR_CERTIFICATE_REVOKED(6017, Confidence.SINGLE, "The certificate has been revoked."),
    GSK_IBMI_ERROR_CRL_INVALID(6018, Confidence.SINGLE, "The certificate revocation list is not valid."),
    // S3 spells it with _ERROR_, curl without; the value itself is single-source.
    GSK_IBMI_ASYNCHRONOUS_SOC_INIT(6019, Confidence.SINGLE, "The asynchronous handshake was started; its result will be posted to the completion port.", "GSK_IBMI_ERROR_ASYNCHRONOUS_SOC_INIT");

    /** How sure the spec is of a number (last column of return-codes.md section 3). */
    public enum Confidence {
        /** Printed in an IBM i document. */
        IBMI_DOC,
        /** From the transcription of the IBM i header. */
        IBMI_HDR,
        /** Only one third-party source. */
        SINGLE,
        /** Not confirmed at all. */
        UNVERIFIED
    }

    private static final String IBMI_PREFIX = "GSK_IBMI_";
    private static final Map<Integer, GskStatus> BY_CODE = new HashMap<>();
    private static final Map<String, GskStatus> BY_NAME = new HashMap<>();

    static {
        for (GskStatus s : values()) {
            // A clash means the table has a typo; fail loudly at class load.
            if (BY_CODE.put(s.code, s) != null) {
                throw new IllegalStateException("duplicate return code " + s.code);
            }
            for (String n : s.names) {
                if (BY_NAME.put(n, s) != null) {
                    throw new IllegalStateException("duplicate return code name " + n);
                }
            }
        }
    }

    private final int code;
    private final Confidence confidence;
    private final String text;
    private final List<String> names;

    GskStatus(int code, Confidence confidence, String text, String... extraAliases) {
        this.code = code;
        this.confidence = confidence;
        this.text = text;
        List<String> all = new ArrayList<>();
        all.add(name());
        if (name().startsWith(IBMI_PREFIX)) {
            String suffix = name().substring(IBMI_PREFIX.length());
            all.add("GSK_OS400_" + suffix);
            all.add("GSK_AS400_" + suffix);
        }
        Collections.addAll(all, extraAliases);
        this.names = List.copyOf(all);
    }

    /** The IBM i return code. */
    public int code() {
        return code;
    }

    /** The 7.2+ name first, then every other spelling of the same number. */
    public List<String> names() {
        return names;
    }

    /** One sentence saying what happened. */
    public String text() {
        return text;
    }

    /** How sure the spec is of this number. */
    public Confidence confidence() {
        return confidence;
    }

    /** True for the three "operation started" results of the asynchronous calls; they are not failures. */
    public boolean isPending() {
        return this == GSK_IBMI_ASYNCHRONOUS_RECV || this == GSK_IBMI_ASYNCHRONOUS_SEND
                || this == GSK_IBMI_ASYNCHRONOUS_SOC_INIT;
    }

    /** The status with this number, if any. */
    public static Optional<GskStatus> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Exact, case-sensitive match on any spelling (IBMI, OS400, AS400 or a documented alias). */
    public static Optional<GskStatus> fromName(String anySpelling) {
        return anySpelling == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(anySpelling));
    }

    /** What gsk_strerror returns: never null, even for numbers we do not know. */
    public static String strerror(int code) {
        GskStatus s = BY_CODE.get(code);
        return s != null ? s.text : "Unknown GSKit return code " + code + ".";
    }

    /** The primary name, or {@code GSK_UNKNOWN_RC(n)} so unknown numbers still print usefully. */
    public static String nameOf(int code) {
        GskStatus s = BY_CODE.get(code);
        return s != null ? s.name() : "GSK_UNKNOWN_RC(" + code + ")";
    }
}
