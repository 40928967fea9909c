package io.gsk4j.cli;

import io.gsk4j.CertificateInfo;
import io.gsk4j.CertificateProblem;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.Party;
import io.gsk4j.StoreProblem;
import io.gsk4j.TlsAlert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about a failure beyond its status: where it happened, with which store and
 * peer, the partner's chain, the cipher lists on both ends. Explanations use what is there
 * and fall back to general advice for what is not; every field may be absent.
 */
final class Facts {
    /** Where the failure happened. */
    enum Stage {
        /** a gsk_attribute_set_* call on the environment or session */
        SETUP,
        /** gsk_environment_init: the store */
        ENVIRONMENT,
        /** the TCP connection, before any GSKit call on it */
        CONNECT,
        /** gsk_secure_soc_init */
        HANDSHAKE,
        /** read or write on the secure session */
        DATA
    }

    Stage stage = Stage.HANDSHAKE;
    /** Our side is the TLS server (the partner is a client). */
    boolean server;
    /** host:port of the partner, or the client's address on a server. */
    String peer;
    /** The host name the user typed (client), used for SNI and name checks. */
    String host;
    /** The store as the user named it (or *SYSTEM, or an application ID's). */
    String store = "*SYSTEM";
    String label;
    /** The store is a PEM file: it is edited by appending, not with store import. */
    boolean pemStore;
    String applicationId;
    /** Where *SYSTEM and application IDs resolve. */
    String home;
    /** The failing call's attribute, when a setter failed. */
    String attribute;
    /** The library's own sentence (GskException message without the status): shown, never read. */
    String detail;
    /** Whether the failing call's facts below are known (false for a bare number, as in strerror). */
    boolean factsKnown;
    /** The alert the partner sent that ended the connection, or null. */
    TlsAlert alertReceived;
    /** The alert this side sent when it refused, when it could be seen, or null. */
    TlsAlert alertSent;
    /** Which end refused: this side, the partner, or null when nobody did (configuration, I/O, timeout). */
    Party refusedBy;
    /** Why this side refused the partner's chain, or null. */
    CertificateProblem problem;
    /** The CA names the server listed when it asked for our certificate; null when it did not ask. */
    List<String> certificateAuthorities;
    /** Why the store could not be opened, or null. */
    StoreProblem storeProblem;
    Errno errno;
    /** A connection failure's message when there is no errno for it. */
    String connectError;
    boolean unknownHost;
    /** The partner's chain, leaf first, and how it was obtained. */
    List<CertSummary> chain = List.of();
    String chainSource;
    int validationCode;
    /** Our cipher lists per protocol ("TLS 1.3" -> names), only for protocols switched on. */
    Map<String, List<String>> offered = new LinkedHashMap<>();
    /** What the probe found the server accepts, per protocol; null when not probed. */
    Map<String, List<String>> accepted;
    /** The plain-text exchange of --starttls when the server did not agree to switch, or null. */
    StartTls.Dialogue startTlsRefusal;
    /** The old protocol a hand-made ClientHello found the server speaks, or null. */
    LegacyProbe.Answer legacy;
    /** What a plain-text look at the port showed, or null. */
    String plaintextReply;
    int handshakeTimeoutSeconds;
    int readTimeoutMillis;
    int connectTimeoutSeconds;
    String sni;
    /** The host name the partner's certificate must carry (GSK4J_EXPECTED_HOSTNAME), or null when unchecked. */
    String expectedHostname;
    /** Where that name came from: "the host connected to", "--sni", "--expected-hostname". */
    String expectedHostnameSource;
    /** The validation profile asked for (strict, rfc5280, jdk), or null for the default (rfc5280). */
    String profile;
    /** The store used because none was named (the JDK's cacerts, the OS bundle), described; or null. */
    String trustFallback;
    /** Client authentication asked by our server: none, optional, required. */
    String clientAuth;
    Instant now = Instant.now();

    /** Facts that name nothing in particular: for explaining a status on its own (strerror). */
    static Facts generic() {
        Facts f = new Facts();
        f.store = "STORE";
        f.home = "$GSK4J_HOME";
        return f;
    }

    /** Takes what the failing call tells: where, the library's sentence, errno, the attribute, the failure's facts. */
    Facts failedAt(Step step, Stage where) {
        stage = where;
        detail = step.detail();
        errno = step.errno();
        attribute = step.attribute();
        GskException failure = step.failure();
        factsKnown = failure != null;
        if (failure != null) {
            alertReceived = failure.alertReceived().orElse(null);
            alertSent = failure.alertSent().orElse(null);
            refusedBy = failure.refusedBy().orElse(null);
            problem = failure.certificateProblem().orElse(null);
            storeProblem = failure.storeProblem().orElse(null);
            if (problem != null && chain.isEmpty() && !problem.chainReceived().isEmpty()) {
                chain = summaries(problem.chainReceived());
                chainSource = "as the " + partner() + " sent it (kept with the refusal)";
            }
        }
        return this;
    }

    /** Certificates described the way the report shows them. */
    static List<CertSummary> summaries(List<java.security.cert.X509Certificate> certificates) {
        List<CertSummary> out = new java.util.ArrayList<>();
        certificates.forEach(c -> out.add(CertSummary.fromCore(CertificateInfo.describe(c))));
        return List.copyOf(out);
    }

    /** The stage of a failed environment set-up: a setter, or gsk_environment_init. */
    static Stage stageOfEnvironment(Step step) {
        return step.call().startsWith("gsk_environment_init") ? Stage.ENVIRONMENT : Stage.SETUP;
    }

    String partner() {
        return server ? "client" : "server";
    }

    String peerText() {
        return peer == null ? "the " + partner() : peer;
    }

    boolean isSystemStore() {
        return applicationId == null && (store == null || store.equalsIgnoreCase("*SYSTEM")
                || store.equalsIgnoreCase("/QIBM/UserData/ICSS/Cert/Server/DEFAULT.KDB"));
    }
}
