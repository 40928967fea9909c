package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One extra connection to the server, made through the compat API with the user's settings
 * changed in a few attributes. Diagnosis uses probes to learn what a failed handshake hides:
 * the chain the server sent, the protocols and suites it accepts.
 */
final class Probe {
    /** The user's configuration, from which each probe starts. */
    record Base(List<Setting> environment, List<Setting> session, HostPort target, int connectTimeoutSeconds,
                int handshakeTimeoutSeconds) {
    }

    /** What a probe saw: the handshake's failure (null when it succeeded) and, on success, the results. */
    record Result(Step failure, Negotiated negotiated) {
        boolean ok() {
            return failure == null;
        }
    }

    /** Probes never wait forever, whatever the user's handshake timeout is. */
    private static final int MAX_HANDSHAKE_SECONDS = 10;

    private Probe() {
    }

    /** Validation settings a probe leaves out: it is after the chain and the suites, not a verdict. */
    private static final Set<String> VALIDATION = Set.of("GSK_SERVER_AUTH_TYPE", "GSK4J_VALIDATION_PROFILE",
            "GSK4J_EXPECTED_HOSTNAME", "GSK4J_MAX_CHAIN_DEPTH", "GSK_OCSP_ENABLE", "GSK_OCSP_URL", "GSK_HANDSHAKE_TIMEOUT");

    /**
     * Connects once with {@code overrides} replacing the user's settings of the same attributes
     * (and {@code dropped} attributes removed), with validation relaxed as far as GSKit allows
     * (PASSTHRU, the JDK profile, no host name, OCSP or depth limit) so that certificate problems
     * do not hide what the probe is after.
     */
    static Result run(Base base, List<Setting> overrides, Set<String> dropped) {
        List<Setting> settings = new ArrayList<>();
        Set<String> replaced = new java.util.HashSet<>(dropped);
        overrides.forEach(s -> replaced.add(s.attribute()));
        replaced.addAll(VALIDATION);
        for (Setting s : base.environment()) {
            if (!replaced.contains(s.attribute())) {
                settings.add(s);
            }
        }
        settings.addAll(overrides);
        settings.add(Setting.enumValue("GSK_SERVER_AUTH_TYPE", GSK_SERVER_AUTH_TYPE, "GSK_SERVER_AUTH_PASSTHRU", GSK_SERVER_AUTH_PASSTHRU));
        settings.add(Setting.enumValue("GSK4J_VALIDATION_PROFILE", GSK4J_VALIDATION_PROFILE, "GSK4J_VALIDATION_PROFILE_JDK",
                GSK4J_VALIDATION_PROFILE_JDK));
        settings.add(Setting.number("GSK_HANDSHAKE_TIMEOUT", GSK_HANDSHAKE_TIMEOUT, handshakeSeconds(base)));
        Transcript transcript = new Transcript();
        try (GskEnvironment env = GskEnvironment.open(settings, transcript, "probe")) {
            if (!env.ok()) {
                return new Result(env.failure(), null);
            }
            SocketChannel channel;
            try {
                channel = Connector.connect(base.target(), base.connectTimeoutSeconds());
            } catch (Connector.Failure e) {
                return new Result(new Step("connect()", GSK_ERROR_IO, e.errno, e.getMessage()), null);
            }
            try (channel; GskSecureSession session = GskSecureSession.open(env, channel, base.session(), transcript, "probe")) {
                Step failed = session.setUpFailure() != null ? session.setUpFailure() : session.handshake();
                return failed == null ? new Result(null, session.negotiated()) : new Result(failed, null);
            } catch (java.io.IOException e) {
                return new Result(new Step("close()", GSK_ERROR_IO, null, e.getMessage()), null);
            }
        }
    }

    private static int handshakeSeconds(Base base) {
        int user = base.handshakeTimeoutSeconds();
        return user == 0 ? MAX_HANDSHAKE_SECONDS : Math.min(user, MAX_HANDSHAKE_SECONDS);
    }
}
