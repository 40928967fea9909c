package io.gsk4j.internal;

import io.gsk4j.Errno;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of JDK exception messages gsk4j reads. The JDK has no typed alerts and no
 * typed reasons for most handshake refusals, nor errno for socket failures, so where a type or a
 * cause says nothing, the message is all there is. Every other class reads types and fields.
 *
 * <p>Each row is pinned by engine.JdkMessagesTest against the words the JDK really produces, on the
 * Java 17 the build runs and on Temurin 25: a JDK that rewords a message fails that test.
 */
public final class JdkMessages {
    /** How the JDK reports an alert the peer sent: its RFC name after a fixed prefix. */
    private static final Pattern RECEIVED_ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    /**
     * One refusal the JDK reports only in words.
     *
     * @param fragments lower-case fragments; any one present selects the row
     * @param status the status it maps to
     * @param sentence what gsk4j says about it
     * @param refusedBy which end refused, or null when nobody did (the other end is not TLS, it closed)
     * @param alertSent the alert the JDK sends with this refusal, or null when it is not certain
     */
    public record Row(List<String> fragments, GskStatus status, String sentence, Party refusedBy, TlsAlert alertSent) {
        boolean matches(String lower) {
            return fragments.stream().anyMatch(lower::contains);
        }
    }

    /** First match wins. */
    public static final List<Row> ROWS = List.of(
            new Row(List.of("no cipher suites in common", "no appropriate protocol", "no negotiable cipher suite"),
                    GskStatus.GSK_ERROR_NO_CIPHERS, "no cipher suite in common with the peer", Party.LOCAL, null),
            // the peer's signature_algorithms leave our key nothing to sign with (a client offering
            // only RSA schemes to an ECDSA-only server): as little in common as no shared suite
            new Row(List.of("no available authentication scheme", "no supported signature algorithm"),
                    GskStatus.GSK_ERROR_NO_CIPHERS, "no signature scheme in common with the peer for this key", Party.LOCAL, null),
            new Row(List.of("empty client certificate chain", "empty server certificate chain"),
                    GskStatus.GSK_ERROR_NO_CERTIFICATE, "the peer sent no certificate", Party.LOCAL, null),
            new Row(List.of("not accepted by client preferences", "not enabled or supported", "protocol version"),
                    GskStatus.GSK_ERROR_UNSUPPORTED, "the peer's protocol version is not enabled here", Party.LOCAL, null),
            new Row(List.of("unsupported or unrecognized ssl message", "plaintext connection"),
                    GskStatus.GSK_ERROR_BAD_MESSAGE, "the peer does not speak TLS", null, null),
            new Row(List.of("improper", "unexpected handshake message"),
                    GskStatus.GSK_ERROR_BAD_PEER, "the peer broke the handshake's rules", Party.LOCAL, null),
            new Row(List.of("before receiving peer's close_notify"),
                    GskStatus.GSK_ERROR_SOCKET_CLOSED, "the peer closed the connection", null, null));

    /** A handshake message the JDK found malformed, when no row above matched. */
    private static final String INVALID = "invalid";

    /** A key store the JDK could not open for its password, when no UnrecoverableKeyException says so. */
    private static final String PASSWORD = "password";

    /** Socket failures by the words the JDK (and the OS) use; first match wins, else EIO. */
    private static final List<Object[]> ERRNOS = List.of(
            new Object[] {"connection reset", Errno.ECONNRESET},
            new Object[] {"broken pipe", Errno.EPIPE},
            new Object[] {"not connected", Errno.ENOTCONN},
            new Object[] {"connection refused", Errno.ECONNREFUSED},
            new Object[] {"timed out", Errno.ETIMEDOUT});

    private JdkMessages() {
    }

    /** The name of the alert the peer sent, when the message is the JDK's report of one. */
    public static Optional<String> receivedAlertName(String message) {
        Matcher m = RECEIVED_ALERT.matcher(String.valueOf(message));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The row a handshake or record failure's message selects. */
    public static Optional<Row> row(String message) {
        String lower = lower(message);
        return ROWS.stream().filter(r -> r.matches(lower)).findFirst();
    }

    /** Whether the JDK calls a handshake message invalid (a malformed message, not a refusal). */
    public static boolean saysInvalid(String message) {
        return lower(message).contains(INVALID);
    }

    /** IBM i errno for a socket failure. */
    public static Errno errno(String message) {
        String lower = lower(message);
        for (Object[] e : ERRNOS) {
            if (lower.contains((String) e[0])) {
                return (Errno) e[1];
            }
        }
        return Errno.EIO;
    }

    /**
     * Whether a key store failed to load for its password: an UnrecoverableKeyException (or
     * entry exception) in the causes, else the message (JKS: "Password verification failed").
     * A corrupted PKCS#12 MAC is indistinguishable from a wrong password.
     */
    public static boolean wrongStorePassword(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.security.UnrecoverableKeyException || t instanceof java.security.UnrecoverableEntryException) {
                return true;
            }
        }
        return failure.getMessage() != null && lower(failure.getMessage()).contains(PASSWORD);
    }

    private static String lower(String message) {
        return String.valueOf(message).toLowerCase(Locale.ROOT);
    }
}
