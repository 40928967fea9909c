package io.gsk4j.compat;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.SessionState;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.CertInfoId;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.NumericAttribute;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an attribute function's handle names: an environment or a session. The attribute
 * functions take either, as in C; this forwards each call to whichever it is, and the core
 * object applies the scope, state and value rules.
 */
final class Target {
    private final Environment environment;
    private final Session session;

    Target(Environment environment) {
        this.environment = environment;
        this.session = null;
    }

    Target(Session session) {
        this.environment = null;
        this.session = session;
    }

    HandleKind kind() {
        return environment != null ? HandleKind.ENVIRONMENT : HandleKind.SESSION;
    }

    void set(BufferAttribute id, String value) throws GskException {
        if (environment != null) {
            environment.set(id, value);
        } else {
            session.set(id, value);
        }
    }

    void set(NumericAttribute id, int value) throws GskException {
        if (environment != null) {
            environment.set(id, value);
        } else {
            session.set(id, value);
        }
    }

    /** A null value (a number that is no enum value at all) is refused by core after its ID and state checks. */
    void set(EnumAttribute id, EnumValue value) throws GskException {
        if (environment != null) {
            environment.set(id, value);
        } else {
            session.set(id, value);
        }
    }

    void setValidationCallback(io.gsk4j.CertValidationCallback callback) throws GskException {
        if (environment != null) {
            environment.setValidationCallback(callback);
        } else {
            session.setValidationCallback(callback);
        }
    }

    String getBuffer(BufferAttribute id) throws GskException {
        return environment != null ? environment.getBuffer(id) : session.getBuffer(id);
    }

    int getNumeric(NumericAttribute id) throws GskException {
        return environment != null ? environment.getNumeric(id) : session.getNumeric(id);
    }

    EnumValue getEnum(EnumAttribute id) throws GskException {
        return environment != null ? environment.getEnum(id) : session.getEnum(id);
    }

    /**
     * The chain gsk_attribute_get_cert_info describes (leaf first, possibly empty). Core has no
     * cert-info call with IBM's rules, so they are applied here: the partner exists only on a
     * session and only once it is secure; an environment has a local certificate only after init.
     */
    List<X509Certificate> certificates(CertInfoId id) throws GskException {
        if (!id.scope().allows(kind())) {
            throw Guard.fail(GskStatus.GSK_ATTRIBUTE_INVALID_ID, id.name() + " needs a session handle");
        }
        if (environment != null) {
            if (!environment.isInitialized()) {
                throw Guard.fail(GskStatus.GSK_INVALID_STATE, "the environment is not initialised yet");
            }
            return environment.localCertificates();
        }
        if (id == CertInfoId.GSK_LOCAL_CERT_INFO) {
            return session.localCertificates();
        }
        SessionState state = session.state();
        if (state == SessionState.CLOSED) {
            throw Guard.fail(GskStatus.GSK_INVALID_HANDLE, "the session is closed");
        }
        if (state != SessionState.SECURE) {
            throw Guard.fail(GskStatus.GSK_INVALID_STATE, "the partner certificate is known only after the handshake");
        }
        return session.peerCertificates();
    }
}
