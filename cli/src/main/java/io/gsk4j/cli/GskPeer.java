package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.compat.CertDataElem;
import io.gsk4j.compat.CertDataRef;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import io.gsk4j.compat.StringRef;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * One side of a demo connection, written the way a C GSKit program is: every step is one
 * gsk_* call whose return code is checked, and the first failure stops the steps that
 * depend on it. Each call is recorded in the part's {@link Transcript}.
 */
final class GskPeer {
    static final int HANDSHAKE_TIMEOUT_SECONDS = 10;
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** What one side configures: its store and, for the cipher failure, TLS 1.3 only with one suite. */
    record Config(String side, boolean server, Path store, String label, String tls13Ciphers, boolean tls13Only) {
        static Config server(Path store) {
            return new Config("server", true, store, DemoPki.SERVER_LABEL, null, false);
        }

        static Config client(Path store) {
            return new Config("client", false, store, null, null, false);
        }

        Config tls13Only(String cipher) {
            return new Config(side, server, store, label, cipher, true);
        }

        Config ciphers(String tls13) {
            return new Config(side, server, store, label, tls13, tls13Only);
        }
    }

    private final Config config;
    private final Transcript transcript;
    private final GskHandle env = new GskHandle();
    private final GskHandle session = new GskHandle();
    private int rc = GSK_OK;
    private Integer initResult;

    GskPeer(Config config, Transcript transcript) {
        this.config = config;
        this.transcript = transcript;
    }

    String side() {
        return config.side();
    }

    /** GSK_OK so far, or the first failing call's return code. */
    int rc() {
        return rc;
    }

    /** What gsk_secure_soc_init returned, or null if it was never reached. */
    Integer initResult() {
        return initResult;
    }

    /** open, attributes, init: the environment part of a GSKit program. */
    boolean openEnvironment() {
        step("gsk_environment_open(&env)", () -> gsk_environment_open(env));
        int type = config.server() ? GSK_SERVER_SESSION : GSK_CLIENT_SESSION;
        step("gsk_attribute_set_enum(env, GSK_SESSION_TYPE, " + (config.server() ? "GSK_SERVER_SESSION" : "GSK_CLIENT_SESSION") + ")",
                () -> gsk_attribute_set_enum(env, GSK_SESSION_TYPE, type));
        String store = config.store().toAbsolutePath().toString();
        step("gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, \"<tmp>/" + config.store().getFileName() + "\", 0)",
                () -> gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, store, 0));
        step("gsk_attribute_set_buffer(env, GSK_KEYRING_PW, \"" + DemoPki.PASSWORD + "\", 0)",
                () -> gsk_attribute_set_buffer(env, GSK_KEYRING_PW, DemoPki.PASSWORD, 0));
        if (config.label() != null) {
            step("gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, \"" + config.label() + "\", 0)",
                    () -> gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, config.label(), 0));
        }
        if (config.tls13Only()) {
            step("gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV12, GSK_FALSE)",
                    () -> gsk_attribute_set_enum(env, GSK_PROTOCOL_TLSV12, GSK_FALSE));
        }
        if (config.tls13Ciphers() != null) {
            step("gsk_attribute_set_buffer(env, GSK_TLSV13_CIPHER_SPECS_EX, \"" + config.tls13Ciphers() + "\", 0)",
                    () -> gsk_attribute_set_buffer(env, GSK_TLSV13_CIPHER_SPECS_EX, config.tls13Ciphers(), 0));
        }
        step("gsk_environment_init(env)", () -> gsk_environment_init(env));
        return ok();
    }

    /** A session on the connected channel, the environment closed right after (as real programs do). */
    boolean openSession(SocketChannel channel) {
        String name = config.side();
        step("gsk_secure_soc_open(env, &" + name + ")", () -> gsk_secure_soc_open(env, session));
        step("gsk_environment_close(&env)", () -> gsk_environment_close(env));
        int fd = gsk_fd(channel);
        step("gsk_attribute_set_numeric_value(" + name + ", GSK_FD, " + fd + ")",
                () -> gsk_attribute_set_numeric_value(session, GSK_FD, fd));
        step("gsk_attribute_set_numeric_value(" + name + ", GSK_HANDSHAKE_TIMEOUT, " + HANDSHAKE_TIMEOUT_SECONDS + ")",
                () -> gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_SECONDS));
        step("gsk_attribute_set_numeric_value(" + name + ", GSK_IBMI_READ_TIMEOUT, " + READ_TIMEOUT_MILLIS + ")",
                () -> gsk_attribute_set_numeric_value(session, GSK_IBMI_READ_TIMEOUT, READ_TIMEOUT_MILLIS));
        return ok();
    }

    /** gsk_secure_soc_init: the handshake. Its result is kept even when it fails. */
    boolean handshake() {
        if (ok()) {
            initResult = step("gsk_secure_soc_init(" + config.side() + ")", () -> gsk_secure_soc_init(session));
        }
        return ok();
    }

    /** GSK_CONNECT_CIPHER_SPEC_EX, or null if the call failed. */
    String cipherSpec() {
        StringRef buf = new StringRef();
        IntRef len = new IntRef();
        step("gsk_attribute_get_buffer(" + config.side() + ", GSK_CONNECT_CIPHER_SPEC_EX, &buf, &len)",
                () -> gsk_attribute_get_buffer(session, GSK_CONNECT_CIPHER_SPEC_EX, buf, len));
        return ok() ? buf.value : null;
    }

    /** GSK_PROTOCOL_USED, or -1 if the call failed. */
    int protocolUsed() {
        IntRef value = new IntRef();
        step("gsk_attribute_get_enum(" + config.side() + ", GSK_PROTOCOL_USED, &e)",
                () -> gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, value));
        return ok() ? value.value : -1;
    }

    /** GSK_PARTNER_CERT_INFO elements, empty if the call failed. */
    List<CertDataElem> partnerCertificate() {
        CertDataRef elements = new CertDataRef();
        IntRef count = new IntRef();
        step("gsk_attribute_get_cert_info(" + config.side() + ", GSK_PARTNER_CERT_INFO, &elems, &n)",
                () -> gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, elements, count));
        return ok() && elements.value != null ? Arrays.asList(elements.value).subList(0, count.value) : List.of();
    }

    void write(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        IntRef written = new IntRef();
        step("gsk_secure_soc_write(" + config.side() + ", \"" + message + "\", " + bytes.length + ", &amt)",
                () -> gsk_secure_soc_write(session, bytes, bytes.length, written));
    }

    /** One read of up to 1 KiB, or null if it failed or met end of stream. */
    String read() {
        byte[] buf = new byte[1024];
        IntRef amount = new IntRef();
        step("gsk_secure_soc_read(" + config.side() + ", buf, " + buf.length + ", &amt)",
                () -> gsk_secure_soc_read(session, buf, buf.length, amount));
        return ok() && amount.value > 0 ? new String(buf, 0, amount.value, StandardCharsets.UTF_8) : null;
    }

    /** Closes whatever was opened, whatever happened before; a close failure still counts. */
    void close() {
        if (!session.isNull()) {
            int closeRc = transcript.record(config.side(), "gsk_secure_soc_close(&" + config.side() + ")",
                    gsk_secure_soc_close(session));
            rc = rc == GSK_OK ? closeRc : rc;
        }
        if (!env.isNull()) {
            int closeRc = transcript.record(config.side(), "gsk_environment_close(&env)", gsk_environment_close(env));
            rc = rc == GSK_OK ? closeRc : rc;
        }
    }

    private boolean ok() {
        return rc == GSK_OK;
    }

    /** Runs the call unless an earlier one failed; returns the call's code (or the earlier failure). */
    private int step(String text, IntSupplier call) {
        if (ok()) {
            rc = transcript.record(config.side(), text, call.getAsInt());
        }
        return rc;
    }
}
