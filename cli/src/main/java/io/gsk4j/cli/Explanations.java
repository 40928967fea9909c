package io.gsk4j.cli;

import io.gsk4j.CertificateProblem;
import io.gsk4j.CipherSpec;
import io.gsk4j.Party;
import io.gsk4j.StoreProblem;
import io.gsk4j.TlsAlert;
import io.gsk4j.Errno;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.internal.validation.ValidationReason;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * For each GSKit status: what most likely happened and how to fix it, made as specific as
 * the {@link Facts} allow (names of certificates, dates, stores, cipher lists). Every status
 * docs/CONFORMANCE.md claims has an entry; a test keeps it that way.
 */
final class Explanations {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<GskStatus, Function<Facts, Explanation>> TABLE = new EnumMap<>(GskStatus.class);

    static {
        TABLE.put(GskStatus.GSK_OK, f -> new Explanation("The handshake completed.", "Nothing to fix."));
        TABLE.put(GskStatus.GSK_INVALID_HANDLE, f -> new Explanation(
                "A handle was NULL, already closed, never opened, or of the wrong kind (a session where an environment"
                        + " belongs, or the reverse).",
                "Use handles only between a successful gsk_environment_open/gsk_secure_soc_open and their close;"
                        + " a read after gsk_secure_soc_close gives this code too."));
        TABLE.put(GskStatus.GSK_INTERNAL_ERROR, f -> new Explanation(
                "gsk4j met an unexpected failure inside the library" + detailSuffix(f) + ".",
                "This is a gsk4j bug or an unusual Java runtime: run again with --trace and report the output and the"
                        + " detail line to the gsk4j project."));
        TABLE.put(GskStatus.GSK_INSUFFICIENT_STORAGE, f -> new Explanation(
                "The Java heap ran out of memory for the TLS buffers.",
                "Give the JVM more heap (-Xmx), or use fewer sessions at once."));
        TABLE.put(GskStatus.GSK_INVALID_STATE, f -> new Explanation(
                "A call came in the wrong order: an attribute set after gsk_environment_init or after the handshake,"
                        + " read or write before gsk_secure_soc_init succeeded, or a second init.",
                "Set environment attributes between gsk_environment_open and gsk_environment_init, session attributes"
                        + " before gsk_secure_soc_init, and read or write only after it returned GSK_OK."));
        TABLE.put(GskStatus.GSK_ERROR_CERT_VALIDATION, Explanations::certValidation);
        TABLE.put(GskStatus.GSK_KEYFILE_CERT_EXPIRED, Explanations::expired);
        TABLE.put(GskStatus.GSK_NO_KEYFILE_PASSWORD, Explanations::noPassword);
        TABLE.put(GskStatus.GSK_KEYRING_OPEN_ERROR, Explanations::storeNotOpened);
        TABLE.put(GskStatus.GSK_ERROR_NO_CIPHERS, Explanations::noCiphers);
        TABLE.put(GskStatus.GSK_ERROR_NO_CERTIFICATE, Explanations::noCertificate);
        TABLE.put(GskStatus.GSK_ERROR_BAD_CERTIFICATE, Explanations::badCertificate);
        TABLE.put(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, f -> ValidationCodes.reason(f.validationCode).isPresent()
                ? certValidation(f) : new Explanation(
                "The " + f.partner() + "'s certificate uses a key or signature algorithm this Java runtime refuses"
                        + " (for example SHA-1 or MD5 signatures, or an RSA key below 2048 bits)" + detailSuffix(f) + ".",
                "Re-issue the certificate with SHA-256 and RSA 2048+ or EC P-256 (gsk4j store sign makes such"
                        + " certificates)."));
        TABLE.put(GskStatus.GSK_ERROR_IO, Explanations::ioError);
        TABLE.put(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, f -> new Explanation(
                (f.label != null ? "The label \"" + f.label + "\" is not a key in " + f.store
                        : "The store " + f.store + " holds several keys and none is marked as the default")
                        + detailSuffix(f) + ".",
                "Name a key label with --label (gsk4j store list --store " + f.store + " shows the labels and their kind),"
                        + " or mark one as the default: gsk4j store set-default --store " + f.store + " LABEL."));
        TABLE.put(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD, f -> new Explanation(
                "The password does not open the store " + f.store + ".",
                "Check --password or --password-file; if the password comes from a stash file, write it again with"
                        + " gsk4j store stash --store " + f.store + "."));
        TABLE.put(GskStatus.GSK_ERROR_BAD_MESSAGE, Explanations::notTls);
        TABLE.put(GskStatus.GSK_ERROR_BAD_MAC, Explanations::badMac);
        TABLE.put(GskStatus.GSK_ERROR_UNSUPPORTED, Explanations::unsupported);
        TABLE.put(GskStatus.GSK_ERROR_BAD_PEER, Explanations::badPeer);
        TABLE.put(GskStatus.GSK_ERROR_SOCKET_CLOSED, Explanations::peerClosed);
        TABLE.put(GskStatus.GSK_ERROR_BAD_V3_CIPHER, Explanations::badCipherList);
        TABLE.put(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, f -> new Explanation(
                "The label " + quoted(f.label) + " in " + f.store + " names a trusted certificate, not a key entry with a"
                        + " private key.",
                "Use a key label (gsk4j store list --store " + f.store + " shows each entry's kind), or import the key"
                        + " with its certificate: gsk4j store import --store " + f.store + " --label LABEL cert.pem key.pem."));
        TABLE.put(GskStatus.GSK_ERROR_NO_RI_INDICATION, f -> new Explanation(
                "The " + f.partner() + " did not signal secure renegotiation (RFC 5746) although it was required.",
                "Update the " + f.partner() + "'s TLS software, or stop requiring the indication"
                        + " (GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT / _SERVER)."));
        TABLE.put(GskStatus.GSK_INVALID_BUFFER_SIZE, f -> new Explanation(
                "A read or write was given a buffer size below 1.",
                "Pass the buffer's real length, at least 1 byte."));
        TABLE.put(GskStatus.GSK_WOULD_BLOCK, f -> new Explanation(
                "The socket is non-blocking and the call would have had to wait.",
                "Call again when the socket is ready (select/poll), or use a blocking socket."));
        TABLE.put(GskStatus.GSK_IBMI_ASYNCHRONOUS_SOC_INIT, f -> new Explanation(
                "Not an error: gsk_secure_soc_startInit started the handshake; its result will arrive as one completion.",
                "Wait on the I/O completion port (QsoWaitForIOCompletion) and read returnValue from the completion."));
        TABLE.put(GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV, f -> new Explanation(
                "Not an error: gsk_secure_soc_startRecv is waiting for data; the bytes will arrive as one completion.",
                "Wait on the I/O completion port; secureDataTransferSize in the completion says how many bytes came."));
        TABLE.put(GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND, f -> new Explanation(
                "Not an error: the socket could not take the data yet; gsk_secure_soc_startSend will post one completion.",
                "Wait for that completion before the next send; it is the back-pressure signal."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, f -> new Explanation(
                "The Qso_OverlappedIO_t communications area is missing or has fields that must be zero set.",
                "Pass a communications area with postedDescriptor and the reserved fields set to 0."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, f -> new Explanation(
                "The I/O completion port number names no open port (never created, or already destroyed).",
                "Create the port with QsoCreateIOCompletionPort and keep it until every operation on it has completed."));
        TABLE.put(GskStatus.GSK_ERROR_SSL_CLOSED, f -> new Explanation(
                "A write came after close_notify was sent (gsk_secure_soc_misc with GSK_CLOSE_NOTIFY).",
                "Write everything before sending close_notify; after it only reads are allowed, until the peer's"
                        + " close_notify arrives."));
        TABLE.put(GskStatus.GSK_MISC_INVALID_ID, f -> new Explanation(
                "gsk_secure_soc_misc was given a miscID it does not know.",
                "Use GSK_CLOSE_NOTIFY or GSK_RESET_SESSION (renegotiation IDs are not supported by gsk4j)."));
        TABLE.put(GskStatus.GSK_ATTRIBUTE_INVALID_ID, f -> new Explanation(
                "The attribute ID is not valid here: it belongs to another gsk_attribute_* function (buffer, numeric,"
                        + " enum), it is session-only (GSK_FD) or environment-only (GSK_IBMI_APPLICATION_ID), or it is"
                        + " read-only and was passed to a setter.",
                "Call the function that matches the ID's table, on the kind of handle it belongs to."));
        TABLE.put(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH, f -> new Explanation(
                "The buffer length is negative, longer than the buffer, or longer than the attribute allows.",
                "Pass 0 to take the whole string (up to its NUL), or its exact length."));
        TABLE.put(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION, f -> new Explanation(
                "The value is not one that this enumerated attribute accepts.",
                "Use a value from the attribute's own list in gskssl.h, e.g. GSK_SERVER_AUTH_FULL or"
                        + " GSK_SERVER_AUTH_PASSTHRU for GSK_SERVER_AUTH_TYPE."));
        TABLE.put(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE, f -> new Explanation(
                "A numeric attribute got a value outside its range" + (f.attribute != null ? " (" + f.attribute + ")" : "")
                        + ", e.g. a negative GSK_HANDSHAKE_TIMEOUT or a GSK_V3_SESSION_TIMEOUT above 86400.",
                "Use a value inside the attribute's documented range."));
        TABLE.put(GskStatus.GSK_CONFLICTING_VALIDATION_SETTING, f -> new Explanation(
                "A GSK_CERT_VALIDATION_CALLBACK registered with GSK_VALIDATION_REQUIRED and a PASSTHRU authentication type"
                        + " contradict each other: one asks for every chain to be validated, the other lets failures through.",
                "Choose one: keep the callback with GSK_VALIDATION_REQUIRED and FULL authentication, or PASSTHRU without"
                        + " requiring validation."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, Explanations::untrustedRoot);
        TABLE.put(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED, f -> new Explanation(
                "The application ID " + quoted(f.applicationId) + " has no definition in "
                        + (f.home != null ? f.home + "/appdefs.properties" : "appdefs.properties under the gsk4j home") + ".",
                "Register it: gsk4j store register-app " + (f.applicationId != null ? f.applicationId : "ID")
                        + " --store FILE --label LABEL --stash FILE.sth; or point GSK4J_HOME at the home that has it."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, f -> new Explanation(
                "This user may not read the store " + f.store + " (or its stash, or a directory on its path cannot be"
                        + " searched)" + detailSuffix(f) + ".",
                "Give the user read permission on the file and search (x) permission on every directory above it, as"
                        + " IBM i needs *R on the file and *X on the path."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_CLOSED, f -> new Explanation(
                "Another thread closed the session while this call was waiting in it.",
                "Expected when a watchdog ends a stuck read; otherwise close a session only after its readers and"
                        + " writers are done."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, f -> new Explanation(
                "gsk_secure_soc_init ran on a session whose environment was never initialised.",
                "Check that gsk_environment_init returned GSK_OK before opening sessions from the environment."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE, f -> new Explanation(
                "The socket already carries a secure session.",
                "Give each session its own connection, or close the first session before starting another on the"
                        + " same socket."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_NOT_TCP, f -> new Explanation(
                "GSK_FD is not a TCP stream socket (UDP, or a Unix-domain socket).",
                "Open the connection with SocketChannel.open(new InetSocketAddress(host, port)) and pass gsk_fd(channel)."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, f -> new Explanation(
                "A NULL handle variable, output holder or buffer was passed, or a size larger than the buffer.",
                "Pass allocated holders (new GskHandle(), new IntRef(), ...) and the buffer's real size."));
        TABLE.put(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, Explanations::timedOut);
        TABLE.put(GskStatus.GSK_IBMI_ERROR_CRL_INVALID, f -> new Explanation(
                "A certificate revocation list named by GSK4J_CRL_FILES is missing, unreadable or not a CRL"
                        + detailSuffix(f) + "; gsk_environment_init refuses to start without it rather than skip the"
                        + " revocation check.",
                "Check each file GSK4J_CRL_FILES names (PEM or DER X.509 CRLs, separated by the path separator): fetch"
                        + " the current CRL from the CA again, or take the file out of the list."));
    }

    private Explanations() {
    }

    /** The statuses with an explanation of their own. */
    static Set<GskStatus> covered() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /** The explanation for a return code; unknown or unexplained codes get general advice. */
    static Explanation explain(int rc, Facts facts) {
        Optional<GskStatus> status = GskStatus.fromCode(rc);
        Function<Facts, Explanation> entry = status.map(TABLE::get).orElse(null);
        if (entry != null) {
            return entry.apply(facts);
        }
        String what = GskStatus.strerror(rc);
        if (facts.detail != null) {
            what += " (" + facts.detail + ")";
        }
        return new Explanation(what,
                "gsk4j has no specific advice for " + GskStatus.nameOf(rc) + " yet; the detail line says what the library"
                        + " saw. 'gsk4j codes' lists every status.");
    }

    /** A TCP connection that never came about: no GSKit call was made, so there is no status. */
    static Explanation connectFailure(Facts f) {
        if (f.startTlsRefusal != null) {
            String p = f.startTlsRefusal.protocol().word();
            return new Explanation("The server at " + f.peerText() + " did not agree to switch to TLS with " + p
                    + " STARTTLS: " + f.startTlsRefusal.refusal() + ".",
                    "Check that the port speaks " + p + " and offers STARTTLS (it may need a login first, or offer TLS only"
                            + " on its implicit-TLS port: connect there without --starttls).");
        }
        if (f.unknownHost) {
            return new Explanation("The host name " + quoted(f.host) + " cannot be resolved.",
                    "Check the spelling and your DNS settings, or give an IP address.");
        }
        if (f.errno == Errno.ECONNREFUSED) {
            return new Explanation("Nothing accepts connections on " + f.peerText() + ": the connection was refused.",
                    "Check the host and port, and that the server is running and listening on that address; a firewall"
                            + " that rejects connections looks the same.");
        }
        if (f.errno == Errno.ETIMEDOUT) {
            return new Explanation("There was no answer to the TCP connection attempt within " + f.connectTimeoutSeconds
                    + " s.", "A firewall may be dropping the packets; check the host, the port and the route to it"
                    + " (raise --connect-timeout for a slow network).");
        }
        return new Explanation("The TCP connection to " + f.peerText() + " failed"
                + (f.connectError != null ? ": " + f.connectError : "") + ".",
                "Check the host, the port and the network path to it.");
    }

    // ---- the longer entries ----

    private static Explanation untrustedRoot(Facts f) {
        String alert = alertName(f);
        if (alert != null) {
            return new Explanation("The " + f.partner() + " does not trust this " + (f.server ? "server" : "client")
                    + "'s certificate: it sent the alert " + alert + ", so the CA that issued the certificate in "
                    + storeText(f) + " is not in its trust store." + acceptedFrom(f) + (f.stage == Facts.Stage.DATA ? tls13Late() : ""),
                    giveOurCa(f));
        }
        String where = storeText(f);
        String ca = chainEnd(f);
        if (!f.server && !f.chain.isEmpty() && f.chain.size() == 1 && f.chain.get(0).selfIssued()) {
            CertSummary leaf = f.chain.get(0);
            return new Explanation("The server's certificate " + quoted(leaf.subject()) + " is self-signed, and " + where
                    + " does not hold it as a trusted certificate.",
                    "If you trust this server, " + (f.pemStore && f.trustFallback == null
                            ? "append its certificate to the PEM store: cat server.pem >> " + f.store
                            : "import its certificate as a trusted entry: gsk4j store import --store " + storeArg(f)
                            + " --trusted --label LABEL server.pem" + (f.trustFallback == null ? "" : " and pass --keyring "
                            + storeArg(f))) + " (compare its SHA-256 fingerprint "
                            + shortFingerprint(leaf) + " with the server's administrator first); for a test only,"
                            + " --server-auth passthru lets the handshake through.");
        }
        if (!f.server && endsAtALeaf(f)) {
            return leafOnly(f);
        }
        String what = (f.server ? "The client's certificate chain" : "The server's certificate chain")
                + (ca != null ? " ends at " + quoted(ca) + ", a CA that " + where + " does not trust."
                : " does not end at a CA that " + where + " trusts.");
        String fix = trustTheCa(f, ca != null ? "the certificate of " + quoted(ca) : "the issuing CA's certificate")
                + " (get ca.pem from the " + f.partner() + "'s administrator or your PKI, and check its fingerprint)";
        fix += f.server ? "; for a test only, --client-auth-type passthru lets such clients in."
                : "; for a test only, --server-auth passthru lets the handshake through and still reports the code.";
        return new Explanation(what, fix);
    }

    /** The refused chain stops at an end-entity certificate that is not self-issued: its issuer was not sent. */
    private static boolean endsAtALeaf(Facts f) {
        CertificateProblem p = f.problem;
        return p != null && p.chainEnd().isPresent() && !p.chainEndSelfIssued() && p.chainEnd().get().getBasicConstraints() < 0;
    }

    /**
     * The server sent its certificate without the one that issued it. Usually an intermediate the
     * server should send (the fix is there, never a trusted intermediate here); in a private PKI
     * the issuer may be the root, which is then trusted here.
     */
    private static Explanation leafOnly(Facts f) {
        java.security.cert.X509Certificate end = f.problem.chainEnd().orElseThrow();
        String issuer = end.getIssuerX500Principal().getName();
        String published = io.gsk4j.internal.ocsp.OcspUrls.aiaCaIssuersUrl(end)
                .map(url -> " (the certificate says the issuer's certificate is published at " + url + ")").orElse("");
        return new Explanation("The server sent its certificate " + quoted(end.getSubjectX500Principal().getName())
                + " without the certificate of its issuer " + quoted(issuer) + published + ", and " + storeText(f)
                + " does not hold that issuer: the server omits its intermediate CA certificate, or its CA is a private"
                + " root this store does not trust.",
                "If " + quoted(issuer) + " is an intermediate CA, the fix belongs on the server: have it send its full"
                        + " chain (its certificate followed by the intermediate); do not trust an intermediate here. If it is"
                        + " the root of a private PKI you trust, " + lowerFirst(trustTheCa(f, "its certificate"))
                        + " (check the fingerprint with the server's administrator).");
    }

    /** How to make the store trust a CA: import, append to a PEM store of our own, never edit the OS bundle. */
    private static String trustTheCa(Facts f, String what) {
        if (f.trustFallback != null) {
            return "Give gsk4j a store of your own that trusts " + what + " (no --keyring was given, so it used "
                    + f.trustFallback + ", which is not to be edited): gsk4j store import --store trust.p12 --trusted"
                    + " --label LABEL ca.pem, then pass --keyring trust.p12";
        }
        if (f.pemStore && f.store != null && (f.store.startsWith("/etc/ssl/") || f.store.startsWith("/etc/pki/"))) {
            return "Add " + what + " the operating system's way (Debian: copy ca.pem to /usr/local/share/ca-certificates/ca.crt"
                    + " and run update-ca-certificates; the bundle " + f.store + " is regenerated, so do not edit it), or"
                    + " give gsk4j a store of its own: gsk4j store import --store trust.p12 --trusted --label LABEL ca.pem";
        }
        return (f.pemStore ? "Append " : "Import ") + what + (f.pemStore ? " to the PEM store: cat ca.pem >> " + f.store
                : " as a trusted entry: gsk4j store import --store " + storeArg(f) + " --trusted --label LABEL ca.pem");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Explanation expired(Facts f) {
        String partner = f.partner();
        String alert = alertName(f);
        if (alert != null) {
            return new Explanation("The " + partner + " refused this " + (f.server ? "server" : "client") + "'s certificate"
                    + " as outside its validity period (alert " + alert + ").",
                    "Renew the certificate in " + storeText(f) + " (gsk4j store list --store " + storeArg(f)
                            + " shows the dates; gsk4j store sign issues a new one), or check the clocks.");
        }
        for (int i = 0; i < f.chain.size(); i++) {
            CertSummary c = f.chain.get(i);
            String who = i == 0 ? "The " + partner + "'s certificate " + quoted(c.subject())
                    : "The CA certificate " + quoted(c.subject()) + " in the " + partner + "'s chain";
            if (c.expiredAt(f.now)) {
                return new Explanation(who + " expired on " + day(c.notAfter()) + ".",
                        "Renew it" + (i == 0 ? " on the " + partner : " (and re-issue what it signed)")
                                + " and install the new certificate; for a test only, "
                                + (f.server ? "--client-auth-type passthru" : "--server-auth passthru")
                                + " lets the handshake through.");
            }
            if (c.notYetValidAt(f.now)) {
                return new Explanation(who + " is not valid before " + day(c.notBefore()) + ".",
                        "Check the clock on both machines (this one says " + day(f.now) + "), or wait until then.");
            }
        }
        CertificateProblem p = f.problem;
        if (p != null && p.concerning().isPresent()) {
            boolean notYet = p.notBefore().orElseThrow().isAfter(f.now);
            boolean anchor = p.concernsAnchor();
            String subject = p.subject().orElse(null);
            String who = anchor ? "The trusted CA certificate " + quoted(subject) + " in " + storeText(f)
                    : "The certificate " + quoted(subject) + " in the " + partner + "'s chain";
            if (notYet) {
                return new Explanation(who + " is not valid before " + day(p.notBefore().orElseThrow()) + ".",
                        "Check the clock on both machines (this one says " + day(f.now) + ").");
            }
            return new Explanation(who + " expired on " + day(p.notAfter().orElseThrow()) + ".", anchor
                    ? "Replace it in " + storeArg(f) + " with the CA's renewed certificate (gsk4j store import --trusted)."
                    : "Renew it and install the new certificate; for a test only, "
                            + (f.server ? "--client-auth-type passthru" : "--server-auth passthru") + " lets the handshake through.");
        }
        return new Explanation("A certificate in the " + partner + "'s chain is outside its validity period (expired, or"
                + " not valid yet).", "Renew the expired certificate, or check the clocks if it is not valid yet.");
    }

    private static Explanation badMac(Facts f) {
        if (f.server && f.stage == Facts.Stage.HANDSHAKE) {
            return new Explanation("A record from the client failed its integrity check during the handshake. With TLS 1.3"
                    + " this is how a client that refuses this server's certificate usually looks: OpenSSL sends its alert"
                    + " unencrypted, before it has switched keys, and the record fails the check.",
                    "Check whether the client trusts this server's certificate (openssl s_client prints 'verify error');"
                            + " if not, " + giveOurCa(f).substring(0, 1).toLowerCase() + giveOurCa(f).substring(1)
                            + " Otherwise look for a middlebox between the two ends.");
        }
        return new Explanation("A TLS record from the " + f.partner() + " failed its integrity check: it was changed on the"
                + " way or the " + f.partner() + "'s TLS stack is broken.",
                "Look for a middlebox (proxy, load balancer, packet inspection) between the two ends, and try again.");
    }

    /** "CN=A; CN=B", or what an empty list means. */
    static String authoritiesText(List<String> authorities) {
        return authorities.isEmpty() ? "any CA (its request named none)" : String.join("; ", authorities);
    }

    /** What the server said it would accept, when it asked for our certificate. */
    private static String acceptedFrom(Facts f) {
        return f.server || f.certificateAuthorities == null ? ""
                : " The server accepts certificates from " + authoritiesText(f.certificateAuthorities) + ".";
    }

    /** Why a refusal showed up on a read although the handshake returned GSK_OK. */
    private static String tls13Late() {
        return " With TLS 1.3 the server checks the client's certificate after the client's handshake is complete,"
                + " so gsk_secure_soc_init returned GSK_OK and the refusal came with the first read.";
    }

    /** How to make the partner trust our certificate. */
    private static String giveOurCa(Facts f) {
        if (f.pemStore) {
            return "Give the " + f.partner() + " the CA certificate that issued yours (the certificate after your own in "
                    + f.store + "); openssl takes it as -CAfile, gsk4j and GSKit as a trusted store entry.";
        }
        return "Give the " + f.partner() + " the CA certificate that issued yours: gsk4j store export --store "
                + storeArg(f) + " --label " + (f.label != null ? f.label : "LABEL") + " --chain --out chain.pem, then"
                + " import it on the " + f.partner() + " (openssl takes it as -CAfile, gsk4j and GSKit as a trusted"
                + " store entry).";
    }

    private static Explanation certValidation(Facts f) {
        Optional<ValidationReason> reason = ValidationCodes.reason(f.validationCode);
        String loosen = loosen(f);
        if (reason.isEmpty()) {
            return new Explanation("The " + f.partner() + "'s certificate failed validation for a reason other than trust"
                    + " or dates" + detailSuffix(f) + ".",
                    "Check the certificate's key usage, extended key usage and basic constraints: a server certificate"
                            + " needs serverAuth, a client certificate clientAuth, and CAs need CA:TRUE.");
        }
        ValidationReason r = reason.get();
        String what = "The " + f.partner() + "'s chain breaks the validation rule " + ValidationCodes.name(r.code()) + " ("
                + r.code() + ", " + r.section() + "): " + r.explanation() + detailSuffix(f) + ".";
        switch (r) {
            case REVOKED:
                return new Explanation("The " + f.partner() + "'s certificate is revoked: its issuer says so, in a"
                        + " certificate revocation list (GSK4J_CRL_FILES, a CRL in the PEM store, or one fetched from the"
                        + " certificate's CRL distribution point) or through its OCSP responder" + detailSuffix(f) + ".",
                        "The certificate must be replaced; a revoked certificate is not to be trusted. Ask its owner"
                                + " for a new one.");
            case CHAIN_TOO_LONG:
                return new Explanation(what, "Raise --max-chain-depth (GSK4J_MAX_CHAIN_DEPTH, up to 32) if the chain is"
                        + " legitimately that long.");
            case HOSTNAME_MISMATCH:
                return hostnameMismatch(f);
            case HOSTNAME_INVALID:
                return new Explanation(what, "Check the name" + (f.expectedHostname == null ? "" : " " + quoted(f.expectedHostname))
                        + ": a host name or a plain IPv4/IPv6 address; or change --expected-hostname (GSK4J_EXPECTED_HOSTNAME).");
            case EKU_PURPOSE_NOT_ALLOWED:
            case EKU_MISSING:
                return new Explanation(what, "Re-issue the certificate with extendedKeyUsage "
                        + (f.server ? "clientAuth" : "serverAuth") + " (gsk4j store sign --usage " + (f.server ? "client" : "server")
                        + ")." + loosen);
            default:
                return new Explanation(what, "Re-issue the certificate so that it keeps the rule (gsk4j store ca and sign"
                        + " make certificates that do)." + loosen);
        }
    }

    /**
     * The advice for certificates that break a rule: a looser profile, named from the one in force
     * (RFC5280 is the default, STRICT is opt-in, JDK is the loosest).
     */
    private static String loosen(Facts f) {
        if ("strict".equals(f.profile)) {
            return " The STRICT profile was asked for (--validation-profile strict): without it gsk4j judges by RFC 5280,"
                    + " which may accept such certificates.";
        }
        if ("jdk".equals(f.profile)) {
            return "";
        }
        return " If such certificates must be accepted, the JDK profile checks only what the JDK's own PKIX validation"
                + " does: --validation-profile jdk (GSK4J_VALIDATION_PROFILE).";
    }

    /** The certificate does not carry the host name: which name was checked, and the names it does carry. */
    private static Explanation hostnameMismatch(Facts f) {
        String name = f.expectedHostname == null ? "HOST" : quoted(f.expectedHostname);
        String source = f.expectedHostnameSource == null ? "" : " (" + f.expectedHostnameSource + ")";
        String carried;
        if (f.chain.isEmpty()) {
            carried = "";
        } else if (f.chain.get(0).subjectAltNames().isEmpty()) {
            carried = "; it has no subject alternative names, and its subject is " + quoted(f.chain.get(0).subject());
        } else {
            carried = "; it names " + String.join(", ", f.chain.get(0).subjectAltNames());
        }
        String who = f.server ? "client" : "server";
        String what = "The " + who + "'s certificate" + (f.chain.isEmpty() ? "" : " " + quoted(f.chain.get(0).subject()))
                + " does not carry the host name " + name + source + carried + ".";
        if (f.server) {
            return new Explanation(what, "Have the client present a certificate that names " + name
                    + ", or change --expected-hostname (GSK4J_EXPECTED_HOSTNAME).");
        }
        return new Explanation(what, "Connect with a name the certificate carries, or --expected-hostname NAME if you"
                + " reach the server by another name; if " + name + " is right, the certificate must be re-issued with it"
                + " as a subject alternative name. --no-hostname-check skips the check (a GSKit program checks host names"
                + " only when it sets GSK4J_EXPECTED_HOSTNAME).");
    }

    private static Explanation noPassword(Facts f) {
        String what = "The store " + f.store + " needs a password and none was given (neither GSK_KEYRING_PW nor"
                + " GSK_KEYRING_STASH_FILE)";
        if (f.isSystemStore()) {
            what += "; for *SYSTEM gsk4j also looks for " + homePath(f, "system.sth") + ", which is not there";
        }
        return new Explanation(what + ".", "Pass --password-file FILE or --stash FILE.sth (make one with: gsk4j store stash"
                + " --store " + storeArg(f) + ").");
    }

    private static Explanation storeNotOpened(Facts f) {
        StoreProblem why = f.storeProblem;
        if (why == StoreProblem.UNKNOWN_FORMAT && f.store != null && f.store.toLowerCase(java.util.Locale.ROOT).endsWith(".kdb")) {
            return new Explanation("The store " + f.store + " is an IBM CMS key database (.kdb), which only IBM's code reads.",
                    "Export it to PKCS#12 (DCM, or gsk8capicmd -cert -export -target_type pkcs12) and pass the .p12 file.");
        }
        if (why == StoreProblem.STASH_MISSING) {
            return new Explanation("The stash file does not exist" + detailSuffix(f) + ".",
                    "Create it: gsk4j store stash --store " + storeArg(f) + " --out FILE.sth, or give the password instead.");
        }
        if (why == StoreProblem.MISSING && f.isSystemStore()) {
            return new Explanation("GSKit's *SYSTEM store was asked for, which gsk4j reads from "
                    + homePath(f, "system.p12") + " - and that file does not exist.",
                    "Pass --keyring FILE naming a store that trusts the partner's CA (a PEM file of CA certificates such as "
                            + DefaultTrust.OS_BUNDLE + " will do), or set up *SYSTEM: gsk4j store import --store "
                            + homePath(f, "system.p12") + " --trusted --label LABEL ca.pem, then gsk4j store stash --store "
                            + homePath(f, "system.p12") + " (it writes system.sth beside it; the home is $GSK4J_HOME or"
                            + " ~/.gsk4j).");
        }
        if (why == StoreProblem.MISSING) {
            return new Explanation("The store " + f.store + " does not exist.",
                    "Check the path, or create the store: gsk4j store create --store " + storeArg(f) + ".");
        }
        if (why == StoreProblem.NOT_A_FILE) {
            return new Explanation("The store " + f.store + " is a directory, not a file.", "Name the store file itself.");
        }
        if (why == StoreProblem.UNKNOWN_FORMAT || why == StoreProblem.DAMAGED) {
            return new Explanation("The file " + f.store + " is not a store gsk4j can read" + detailSuffix(f) + ".",
                    "gsk4j reads PKCS#12, JKS, JCEKS and PEM; convert the file (gsk4j store import reads PEM and PKCS#12).");
        }
        return new Explanation("The store " + f.store + " could not be opened" + detailSuffix(f) + ".",
                "Check the path and the file: gsk4j store list --store " + storeArg(f) + " shows what it holds.");
    }

    private static Explanation noCiphers(Facts f) {
        // nobody refused: our own configuration has nothing to offer, before any byte was sent
        boolean ourConfiguration = f.factsKnown && f.refusedBy == null;
        if (f.stage == Facts.Stage.ENVIRONMENT || f.stage == Facts.Stage.SETUP || ourConfiguration) {
            return new Explanation("There is no cipher suite to offer" + detailSuffix(f) + ": every protocol is off, or the"
                    + " lists name only suites this Java runtime cannot use.",
                    "Switch a protocol on (--tls13 on, --tls12 on) and list suites this runtime supports: "
                            + supportedSuites() + ".");
        }
        if (legacyOnly(f)) {
            return legacyServer(f);
        }
        String ours = listsText(f.offered);
        if (f.server) {
            return new Explanation("The client offered no cipher suite this server allows" + (ours.isEmpty() ? "" : "; this"
                    + " server allows " + ours) + ".",
                    "Widen --tls13-ciphers/--tls12-ciphers (or leave them out for the default list), or make the client"
                            + " offer one of the suites above (openssl s_client -ciphersuites / -cipher).");
        }
        String what = "No cipher suite in common with the server" + (ours.isEmpty() ? "" : ": you offered " + ours);
        if (f.accepted == null) {
            return new Explanation(what + ".", "Find out which suites the server allows (its administrator, or openssl"
                    + " s_client -connect " + f.peerText() + ") and add one to --tls13-ciphers or --tls12-ciphers.");
        }
        String theirs = listsText(f.accepted);
        if (theirs.isEmpty()) {
            return new Explanation(what + "; the server accepted none of the suites this Java runtime can offer either.",
                    "The server probably needs TLS 1.1 or older, or a suite the JDK disables (RSA key exchange, 3DES, RC4):"
                            + " update the server's configuration.");
        }
        return new Explanation(what + "; the server accepts " + theirs + ".", "Enable one of the server's suites: "
                + enableHint(f.accepted) + ", or leave the cipher options out for gsk4j's defaults.");
    }

    private static Explanation noCertificate(Facts f) {
        // refused by this server: the client sent none; refused by nobody: this server has none of its own
        if (f.server && (f.refusedBy == Party.LOCAL
                || !f.factsKnown && "required".equals(f.clientAuth) && f.stage == Facts.Stage.HANDSHAKE)) {
            return new Explanation("The client sent no certificate, and --client-auth required"
                    + " (GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL) demands one.",
                    "Give the client a certificate from a CA this server trusts (openssl s_client -cert/-key, or gsk4j"
                            + " client --keyring STORE --label LABEL), or use --client-auth optional.");
        }
        if (f.server) {
            return new Explanation("This server has no certificate to present: " + storeText(f)
                    + " holds no private key" + (f.label != null ? " under the label " + quoted(f.label) : "") + ".",
                    "Create one: gsk4j store self-signed --store " + storeArg(f) + " --label server --dn CN=HOSTNAME, or issue"
                            + " one from a CA with gsk4j store sign; then pass --label.");
        }
        return new Explanation("The server demands a client certificate and this client has none to send: "
                + storeText(f) + " holds no key" + (f.label != null ? " under " + quoted(f.label) : " (or no --label names one)") + "."
                + acceptedFrom(f) + (f.stage == Facts.Stage.DATA ? tls13Late() : ""),
                "Get a client certificate from a CA the server trusts (gsk4j store sign --usage client ...), put it in a"
                        + " store and pass --keyring STORE --label LABEL.");
    }

    private static Explanation badCertificate(Facts f) {
        if (f.stage == Facts.Stage.ENVIRONMENT) {
            return new Explanation("The certificate in " + storeText(f) + " cannot be used" + detailSuffix(f) + ".",
                    "Re-import the certificate together with its own private key: gsk4j store import --store "
                            + storeArg(f) + " --label LABEL cert.pem key.pem.");
        }
        if (ValidationCodes.reason(f.validationCode).isPresent()) {
            return certValidation(f); // a named rule found the certificate malformed
        }
        if (f.validationCode == GskStatus.GSK_ERROR_BAD_CERTIFICATE.code()
                || f.problem != null && f.problem.status() == GskStatus.GSK_ERROR_BAD_CERTIFICATE) {
            return new Explanation("A signature in the " + f.partner() + "'s chain does not verify" + detailSuffix(f)
                    + ": the chain was put together wrongly or tampered with.",
                    "Have the " + f.partner() + " send its certificate with the right intermediate CA certificates.");
        }
        String alert = alertName(f);
        if (f.server) {
            return new Explanation("The client refused this server's certificate" + (alert != null ? " (it sent the alert "
                    + alert + ")" : "") + ": it does not trust the CA that issued it, or the name does not match.",
                    "Give clients the CA certificate: gsk4j store export --store " + storeArg(f)
                            + (f.label != null ? " --label " + f.label : " --label LABEL") + " --chain --out chain.pem"
                            + " (openssl clients take it as -CAfile), and make sure the certificate names the host clients use.");
        }
        return new Explanation("The server refused this client's certificate" + (alert != null ? " (it sent the alert "
                + alert + ")" : "") + ": it does not trust the CA that issued it, or the certificate is not fit for client"
                + " authentication." + acceptedFrom(f) + (f.stage == Facts.Stage.DATA ? tls13Late() : ""),
                "Have the client certificate issued by a CA the server trusts, or give the server's administrator your CA"
                        + " certificate (gsk4j store export --store " + storeArg(f) + " --label LABEL --chain).");
    }

    private static Explanation ioError(Facts f) {
        if (f.errno == Errno.ECONNRESET || f.errno == Errno.EPIPE) {
            return new Explanation("The " + f.partner() + " reset the connection (errno " + f.errno.posixName() + "): a"
                    + " firewall or proxy cut it, or the " + f.partner() + " dropped the connection instead of sending an alert.",
                    f.server ? "Look at the client's log; many clients reset when they do not trust the server's certificate."
                            : "Check that " + f.peerText() + " is a TLS port; try --tls12 off or --tls13 off to see whether one"
                            + " protocol is the problem, and look at the server's log.");
        }
        if (f.errno == Errno.EBADF) {
            return new Explanation("GSK_FD names no open socket (errno EBADF).",
                    "Set GSK_FD to gsk_fd(channel) of a connected SocketChannel, after connecting.");
        }
        if (f.errno == Errno.ENOTCONN) {
            return new Explanation("The socket in GSK_FD is not connected (errno ENOTCONN).",
                    "Connect the socket before gsk_secure_soc_init.");
        }
        if (f.errno == Errno.EINTR) {
            return new Explanation("The call was interrupted (errno EINTR); the session is still usable.",
                    "Call the same function again: the handshake resumes where it stopped.");
        }
        return new Explanation("An I/O error on the socket" + (f.errno != null ? " (errno " + f.errno.posixName() + ")" : "")
                + detailSuffix(f) + ".", "Check the network path to " + f.peerText() + " and try again.");
    }

    private static Explanation notTls(Facts f) {
        if (f.server) {
            return new Explanation("The client sent something that is not TLS, probably a plain-text request (HTTP without"
                    + " the 's').", "Connect with a TLS client: https://, openssl s_client, or gsk4j client.");
        }
        String heard = f.plaintextReply != null ? " It answered: " + f.plaintextReply + "." : "";
        return new Explanation("The server at " + f.peerText() + " answered the TLS ClientHello with something that is not"
                + " TLS: this port speaks plain text." + heard,
                "Use the service's TLS port (443 for HTTPS, 992 for telnet, 993 for IMAP, ...) or its STARTTLS command"
                        + " instead of this port.");
    }

    /**
     * The server speaks only a protocol this runtime disables: name it, and what enabling it
     * takes (the JDK's jdk.tls.disabledAlgorithms, then the GSKit switch).
     */
    private static Explanation legacyServer(Facts f) {
        TlsProtocol p = f.legacy.protocol();
        String jdk = p.jdkName();
        String switchOn = switch (p) {
            case TLSV10 -> "--tls10 on (GSK_PROTOCOL_TLSV10 set to GSK_TRUE)";
            case TLSV11 -> "--tls11 on (GSK_PROTOCOL_TLSV11 set to GSK_TRUE)";
            default -> "GSK_PROTOCOL_SSLV3 set to GSK_PROTOCOL_SSLV3_ON in the program (the command has no option for it)";
        };
        return new Explanation("The server at " + f.peerText() + " speaks only " + f.legacy.displayName() + ": it answered"
                + " a hand-made ClientHello with a " + f.legacy.displayName() + " ServerHello, and this Java runtime disables "
                + jdk + " (jdk.tls.disabledAlgorithms), so no version is left in common.",
                "Have the server enable TLS 1.2 or 1.3. To reach it as it is, two switches are needed: take " + jdk
                        + " out of jdk.tls.disabledAlgorithms (copy that property from " + javaSecurityFile() + " without it"
                        + " into a file and run java with -Djava.security.properties=FILE), and switch the protocol on: "
                        + switchOn + ". The suite it picked (" + f.legacy.cipherSuiteHex() + ") may be disabled the same way.");
    }

    private static String javaSecurityFile() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "conf", "security", "java.security").toString();
    }

    private static boolean legacyOnly(Facts f) {
        return f.legacy != null && !f.server && !TlsProtocol.enabledInThisRuntime().contains(f.legacy.protocol());
    }

    private static Explanation unsupported(Facts f) {
        if (f.stage == Facts.Stage.SETUP && f.attribute != null) {
            if (f.attribute.startsWith("GSK_OCSP")) {
                return new Explanation("gsk4j knows " + f.attribute + " but does not support OCSP revocation checking yet"
                        + " (the library returns GSK_ERROR_UNSUPPORTED for it).",
                        "Leave out --ocsp and --ocsp-url for now; revocation is not checked.");
            }
            return new Explanation("gsk4j knows " + f.attribute + " but does not support it.",
                    "Leave that option out.");
        }
        if (legacyOnly(f)) {
            return legacyServer(f);
        }
        String what = "The " + f.partner() + " does not accept the protocol versions offered" + detailSuffix(f);
        if (f.accepted != null && !f.accepted.isEmpty()) {
            return new Explanation(what + "; the server speaks " + String.join(" and ", f.accepted.keySet()) + ".",
                    "Switch that protocol on: " + f.accepted.keySet().stream().map(p -> "--" + flag(p) + " on")
                            .collect(Collectors.joining(" or ")) + ".");
        }
        return new Explanation(what + ".", "gsk4j speaks TLS 1.3 and 1.2 (" + enabledProtocols() + " in this runtime):"
                + " update the " + f.partner() + " if it only speaks older versions, or check --tls13/--tls12.");
    }

    private static Explanation badPeer(Facts f) {
        String alert = alertName(f);
        if (f.alertReceived == TlsAlert.UNRECOGNIZED_NAME || f.alertSent == TlsAlert.UNRECOGNIZED_NAME) {
            return f.server
                    ? new Explanation("The client asked for a server name outside this server's critical name list"
                            + detailSuffix(f) + ".", "Add the name to GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST, or have the client"
                            + " ask for a listed name.")
                    : new Explanation("The server does not serve the name " + quoted(f.sni) + " that this client asked for"
                            + " (SNI); it answered unrecognized_name.", "Pass --sni with a name the server serves.");
        }
        return new Explanation("The " + f.partner() + " broke off the handshake with a protocol error"
                + (alert != null ? " (alert " + alert + ")" : "") + detailSuffix(f) + ".",
                "Look at the " + f.partner() + "'s log for why; check that both ends agree on protocol versions and, for a"
                        + " client, on the server name (--sni).");
    }

    private static Explanation peerClosed(Facts f) {
        if (f.server) {
            return new Explanation("The client closed the connection during the handshake. Clients do that when they do"
                    + " not trust this server's certificate (curl, browsers), or it was a port check.",
                    "Look at the client's message; give clients the CA certificate (gsk4j store export --chain) if they"
                            + " do not trust it.");
        }
        if (legacyOnly(f)) {
            return legacyServer(f);
        }
        String heard = f.accepted != null ? (f.accepted.isEmpty() ? " A probe found no protocol and suite it accepts from"
                + " this runtime." : " A probe found it accepts " + listsText(f.accepted) + ".") : "";
        return new Explanation("The server closed the connection during the handshake without saying why. Servers do"
                + " that when they dislike the ClientHello (no protocol or suite in common, a missing or unknown server"
                + " name) or when the port is not TLS." + heard,
                (f.sni == null ? "Try --sni HOSTNAME; " : "") + "compare the protocols and suites above with yours, and look at"
                        + " the server's log.");
    }

    private static Explanation badCipherList(Facts f) {
        return new Explanation("A cipher list names a suite gsk4j does not know, or one its protocol cannot use"
                + detailSuffix(f) + ".",
                "Use the GSKit _EX names: " + supportedSuites() + ".");
    }

    private static Explanation timedOut(Facts f) {
        if (f.stage == Facts.Stage.DATA) {
            return new Explanation("No data arrived within --read-timeout " + f.readTimeoutMillis + " ms.",
                    "Raise --read-timeout if the " + f.partner() + " is slow; the session stays usable (GSKit's read timeout is"
                            + " not sticky).");
        }
        if (f.server) {
            return new Explanation("The client connected but did not finish the handshake within " + f.handshakeTimeoutSeconds
                    + " s (a port scan, a plain TCP health check, or a very slow client).",
                    "Nothing to fix if it was a check; otherwise raise --handshake-timeout.");
        }
        return new Explanation("The server at " + f.peerText() + " accepted the TCP connection but did not answer the"
                + " ClientHello within " + f.handshakeTimeoutSeconds + " s.",
                "Check that this is a TLS port: services that speak first in plain text or expect STARTTLS (SMTP, FTP,"
                        + " IMAP, POP3) stay silent. Otherwise raise --handshake-timeout.");
    }

    // ---- helpers ----

    private static String detailSuffix(Facts f) {
        return f.detail == null ? "" : ": " + f.detail;
    }

    private static String quoted(String s) {
        return s == null ? "(unknown)" : "\"" + s + "\"";
    }

    private static String storeText(Facts f) {
        if (f.trustFallback != null) {
            return f.trustFallback;
        }
        if (f.applicationId != null) {
            return "the store of application ID " + f.applicationId;
        }
        return f.isSystemStore() ? "the *SYSTEM store (" + homePath(f, "system.p12") + ")" : "the store " + f.store;
    }

    /** The store a fix command names; a store of the user's own in place of the JDK's or the OS's. */
    private static String storeArg(Facts f) {
        if (f.trustFallback != null) {
            return "trust.p12";
        }
        return f.isSystemStore() ? homePath(f, "system.p12") : f.store;
    }

    private static String homePath(Facts f, String file) {
        return (f.home != null ? f.home : "~/.gsk4j") + "/" + file;
    }

    /** The CA the chain stops short of: from the refusal's built path, else the issuer of the chain's last certificate. */
    private static String chainEnd(Facts f) {
        if (f.problem != null && f.problem.chainEndIssuer().isPresent()) {
            return f.problem.chainEndIssuer().get();
        }
        return f.chain.isEmpty() ? null : f.chain.get(f.chain.size() - 1).issuer();
    }

    /** The name of the alert the partner refused us with, or null. */
    private static String alertName(Facts f) {
        return f.alertReceived == null ? null : f.alertReceived.rfcName();
    }

    private static String shortFingerprint(CertSummary c) {
        return c.sha256() == null ? "" : c.sha256().substring(0, Math.min(23, c.sha256().length())) + "...";
    }

    static String day(Instant t) {
        return t == null ? "(unknown)" : DAY.format(t);
    }

    /** "TLS 1.3: A, B; TLS 1.2: C" */
    static String listsText(Map<String, List<String>> lists) {
        List<String> parts = new ArrayList<>();
        lists.forEach((protocol, suites) -> {
            if (!suites.isEmpty()) {
                parts.add(protocol + ": " + String.join(", ", suites));
            }
        });
        return String.join("; ", parts);
    }

    private static String enableHint(Map<String, List<String>> accepted) {
        List<String> parts = new ArrayList<>();
        accepted.forEach((protocol, suites) -> {
            if (!suites.isEmpty()) {
                parts.add("--" + flag(protocol) + "-ciphers " + suites.get(0) + " (GSK_" + flag(protocol).toUpperCase()
                        .replace("TLS", "TLSV") + "_CIPHER_SPECS_EX)");
            }
        });
        return String.join(" or ", parts);
    }

    /** "TLS 1.3" -> "tls13" */
    private static String flag(String protocol) {
        return "tls" + protocol.replace("TLS ", "").replace(".", "");
    }

    private static String enabledProtocols() {
        return TlsProtocol.enabledInThisRuntime().stream().map(TlsProtocol::secType).collect(Collectors.joining(", "));
    }

    /** The _EX names this runtime can use, per protocol. */
    static String supportedSuites() {
        return "TLS 1.3: " + names(CipherSpec.defaultList(TlsProtocol.TLSV13)) + "; TLS 1.2: "
                + names(CipherSpec.defaultList(TlsProtocol.TLSV12));
    }

    private static String names(List<CipherSpec> specs) {
        return specs.stream().map(CipherSpec::gskName).collect(Collectors.joining(", "));
    }
}
