package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.Environment;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.TlsEngine;
import io.gsk4j.compat.CertDataRef;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import java.util.List;

/**
 * A GSKit environment set up the way a C program does it: gsk_environment_open, one
 * gsk_attribute_set_* per setting, gsk_environment_init. The first failing call stops the
 * rest and is kept as {@link #failure()}.
 */
final class GskEnvironment implements AutoCloseable {
    private final GskHandle env = new GskHandle();
    private final Transcript transcript;
    private final String side;
    private Step failure;

    private GskEnvironment(Transcript transcript, String side) {
        this.transcript = transcript;
        this.side = side;
    }

    static GskEnvironment open(List<Setting> settings, Transcript transcript, String side) {
        GskEnvironment e = new GskEnvironment(transcript, side);
        e.setUp(settings);
        return e;
    }

    private void setUp(List<Setting> settings) {
        if (!call("gsk_environment_open(&env)", gsk_environment_open(env))) {
            return;
        }
        for (Setting s : settings) {
            if (!call(s.shown("env"), s.apply(env))) {
                return;
            }
        }
        // a failed init's facts come with the step: nothing is run again to learn them
        call("gsk_environment_init(env)", gsk_environment_init(env));
    }

    private boolean call(String text, int rc) {
        transcript.record(side, text, rc);
        if (rc != GSK_OK && failure == null) {
            failure = Step.failed(text, rc, rc == GSK_ERROR_IO ? Errno.fromCode(errno()).orElse(null) : null);
        }
        return rc == GSK_OK;
    }

    /** GSK_LOCAL_CERT_INFO: the certificate this environment presents, or null when its store has no key. */
    CertSummary localCertificate() {
        CertDataRef elements = new CertDataRef();
        IntRef count = new IntRef();
        int rc = gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, elements, count);
        transcript.record(side, "gsk_attribute_get_cert_info(env, GSK_LOCAL_CERT_INFO, &elems, &count)", rc);
        if (rc != GSK_OK || elements.value == null || count.value == 0) {
            return null;
        }
        return CertSummary.fromCompat(java.util.Arrays.asList(elements.value).subList(0, count.value));
    }

    /** The engine the initialised environment runs on (GSK4J_TLS_ENGINE, gsk4j.engine), or null before init. */
    TlsEngine engine() {
        Environment e = environmentOf(env);
        try {
            return e == null ? null : e.engine();
        } catch (GskException notInitialised) {
            return null;
        }
    }

    boolean ok() {
        return failure == null;
    }

    /** The first call that failed, or null. */
    Step failure() {
        return failure;
    }

    GskHandle handle() {
        return env;
    }

    @Override
    public void close() {
        if (!env.isNull()) {
            transcript.record(side, "gsk_environment_close(&env)", gsk_environment_close(env));
        }
    }
}
