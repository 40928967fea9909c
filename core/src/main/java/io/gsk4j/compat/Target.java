package io.gsk4j.compat;

import io.gsk4j.AttributeHandle;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.SessionState;
import io.gsk4j.attr.CertInfoId;
import io.gsk4j.attr.HandleKind;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The handle gsk_attribute_get_cert_info names, an environment or a session, whose rules for
 * that call differ between the two kinds. The other attribute functions need no such
 * dispatch: both kinds are an {@link AttributeHandle}.
 */
final class Target {
    private final AttributeHandle handle;
    private final Environment environment;
    private final Session session;

    Target(Environment environment) {
        this.handle = environment;
        this.environment = environment;
        this.session = null;
    }

    Target(Session session) {
        this.handle = session;
        this.environment = null;
        this.session = session;
    }

    HandleKind kind() {
        return handle.handleKind();
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
