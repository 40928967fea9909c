package io.gsk4j.attr;

import java.util.Map;
import java.util.Optional;

/** GSK_CERT_ID: which certificate gsk_attribute_get_cert_info describes (spec/attributes.md 5.1). */
public enum CertInfoId {

    /** The peer's certificate: only a session has a peer. */
    GSK_PARTNER_CERT_INFO(700, Scope.SESSION),
    /** The certificate we send (or would send). */
    GSK_LOCAL_CERT_INFO(701, Scope.BOTH);

    private static final Map<Integer, CertInfoId> BY_ID = Tables.byId(values(), CertInfoId::id);

    private final int id;
    private final Scope scope;

    CertInfoId(int id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    /** The GSK_CERT_ID number. */
    public int id() {
        return id;
    }

    /** Which handles this certificate exists on. */
    public Scope scope() {
        return scope;
    }

    /** The certificate ID with this number, if any. */
    public static Optional<CertInfoId> fromId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
