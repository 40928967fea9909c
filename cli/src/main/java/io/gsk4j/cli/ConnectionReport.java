package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_strerror;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import io.gsk4j.GskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the client or server says about one connection: where it went, the status the
 * compat calls returned, what was negotiated, the partner's chain and, on failure, the
 * explanation. Printed as text by {@link TextReport} or as one JSON object by {@link #toJson()}.
 */
final class ConnectionReport {
    /** What was sent and received after the handshake. */
    record Exchange(int sent, String received, int receivedBytes, Step failure, String note) {
    }

    /** The store the run trusted: its file, where the choice came from, and a description. */
    record TrustStore(String file, String source, String description) {
        boolean fallback() {
            return source.equals("jdk-cacerts") || source.equals("os-bundle");
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("source", source);
            m.put("description", description);
            return m;
        }
    }

    final String command;
    /** "localhost:4433" for a client, the client's address on a server. */
    final String peer;
    int connectionNumber;
    String connectedTo;
    Facts.Stage stage;
    /** The failing call; null when the handshake succeeded. */
    Step failure;
    /** Set for a failed TCP connection, which has no GSKit status. */
    Errno connectErrno;
    Negotiated negotiated;
    Integer validationCode;
    /** GSK_LAST_VALIDATION_ERROR when it names a rule the validation code does not. */
    Integer validationRule;
    List<CertSummary> chain = List.of();
    String chainSource;
    /** The CA names the server listed when it asked for a client certificate; null when it did not ask. */
    List<String> certificateAuthorities;
    Explanation explanation;
    /** Why the exchange after a good handshake failed, when it did. */
    Explanation dataExplanation;
    final List<String> notes = new ArrayList<>();
    Exchange exchange;
    Transcript transcript;
    /** Client --starttls: the plain-text exchange before the handshake. */
    StartTls.Dialogue startTls;
    /** Client only: which store was trusted. */
    TrustStore trustStore;
    /** Client only: the TLS engine the environment ran on; null when it was not initialised. */
    io.gsk4j.TlsEngine engine;

    ConnectionReport(String command, String peer) {
        this.command = command;
        this.peer = peer;
    }

    boolean ok() {
        return failure == null && stage != Facts.Stage.CONNECT;
    }

    /** The status of the handshake (GSK_OK on success); null when no GSKit call was reached. */
    Integer statusCode() {
        if (failure != null) {
            return failure.rc();
        }
        return stage == Facts.Stage.CONNECT ? null : GskStatus.GSK_OK.code();
    }

    Map<String, Object> toJson(boolean withCalls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", Json.SCHEMA_VERSION);
        m.put("command", command);
        if (connectionNumber > 0) {
            m.put("connection", connectionNumber);
        }
        m.put("peer", peer);
        m.put("connected", connectedTo);
        if (trustStore != null) {
            m.put("trustStore", trustStore.toJson());
        }
        if (engine != null) {
            m.put("engine", EngineReport.toJson(engine));
        }
        m.put("ok", ok());
        m.put("stage", stage == null ? null : stage.name().toLowerCase(java.util.Locale.ROOT));
        if (startTls != null) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("protocol", startTls.protocol().word());
            st.put("agreed", startTls.agreed());
            st.put("dialogue", startTls.lines());
            st.put("refusal", startTls.refusal());
            m.put("starttls", st);
        }
        m.put("status", statusJson());
        m.put("detail", failure == null ? null : failure.detail());
        GskException facts = failure == null ? null : failure.failure();
        m.put("refusedBy", facts == null ? null : facts.refusedBy().map(p -> p == Party.LOCAL ? "us" : "peer").orElse(null));
        m.put("alert", facts == null ? null : alertJson(facts));
        m.put("negotiated", negotiated == null ? null : negotiated.toJson());
        m.put("validation", validationCode == null ? null : validationJson(validationCode));
        List<Object> certs = new ArrayList<>();
        chain.forEach(c -> certs.add(c.toJson()));
        m.put("chain", certs);
        m.put("chainSource", chainSource);
        m.put("certificateRequest", certificateAuthorities == null ? null
                : Map.of("authorities", List.copyOf(certificateAuthorities)));
        m.put("explanation", explanation == null ? null : explanation.toJson());
        m.put("notes", List.copyOf(notes));
        m.put("exchange", exchangeJson());
        if (withCalls && transcript != null) {
            List<Object> calls = new ArrayList<>();
            for (Transcript.Call c : transcript.calls()) {
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("call", c.text());
                call.put("rc", c.rc());
                call.put("name", GskStatus.nameOf(c.rc()));
                calls.add(call);
            }
            m.put("calls", calls);
        }
        return m;
    }

    private Map<String, Object> statusJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        Integer code = statusCode();
        if (code == null) {
            s.put("name", null);
            s.put("number", null);
            s.put("strerror", null);
            s.put("call", "connect()");
            s.put("errno", connectErrno == null ? null : errnoJson(connectErrno));
            return s;
        }
        s.put("name", GskStatus.nameOf(code));
        s.put("number", code);
        s.put("strerror", gsk_strerror(code));
        s.put("call", failure == null ? "gsk_secure_soc_init(session)" : failure.call());
        s.put("errno", failure == null || failure.errno() == null ? null : errnoJson(failure.errno()));
        return s;
    }

    /** The alert that ended the connection: the one received from the partner, the one we sent. */
    private static Map<String, Object> alertJson(GskException facts) {
        if (facts.alertReceived().isEmpty() && facts.alertSent().isEmpty()) {
            return null;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("received", facts.alertReceived().map(ConnectionReport::alertJson).orElse(null));
        a.put("sent", facts.alertSent().map(ConnectionReport::alertJson).orElse(null));
        return a;
    }

    private static Map<String, Object> alertJson(TlsAlert alert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", alert.rfcName());
        m.put("number", alert.number());
        return m;
    }

    private Map<String, Object> exchangeJson() {
        if (exchange == null) {
            return null;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("sentBytes", exchange.sent());
        e.put("receivedBytes", exchange.receivedBytes());
        e.put("received", exchange.received());
        e.put("status", exchange.failure() == null ? null : codeJson(exchange.failure().rc()));
        e.put("note", exchange.note());
        e.put("explanation", dataExplanation == null ? null : dataExplanation.toJson());
        return e;
    }

    private Map<String, Object> validationJson(int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ValidationCodes.name(code));
        m.put("number", code);
        if (validationRule != null) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", ValidationCodes.name(validationRule));
            rule.put("number", validationRule);
            rule.put("explanation", ValidationCodes.rule(validationRule).orElse(null));
            m.put("rule", rule);
        } else {
            m.put("rule", null);
        }
        return m;
    }

    /** Records both validation numbers; the rule only when it says more than the code. */
    void validation(int code, int lastError) {
        validationCode = code;
        validationRule = lastError > 0 && lastError != code && ValidationCodes.reason(lastError).isPresent() ? lastError : null;
    }

    /** The number explanations go by: the named rule when there is one. */
    int validationForFacts() {
        return validationRule != null ? validationRule : validationCode == null ? 0 : validationCode;
    }

    static Map<String, Object> codeJson(int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", GskStatus.nameOf(code));
        m.put("number", code);
        return m;
    }

    private static Map<String, Object> errnoJson(Errno errno) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", errno.posixName());
        m.put("number", errno.code());
        return m;
    }
}
