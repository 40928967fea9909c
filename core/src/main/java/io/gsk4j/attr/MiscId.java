package io.gsk4j.attr;

import java.util.Map;
import java.util.Optional;

/**
 * GSK_MISC_ID: operations of gsk_secure_soc_misc (spec/functions.md 2.11).
 * The header transcription swaps 102 and 103; the IBM 7.3 page is authoritative, so
 * 102 is GSK_CLOSE_NOTIFY and 103 GSK_RESET_CIPHER_WITHNEWSESSION.
 */
public enum MiscId {

    /** Renegotiate; abbreviated when the cached session allows it. */
    GSK_RESET_CIPHER(100),
    /** Forget this session's cache entry. */
    GSK_RESET_SESSION(101),
    /** Send close_notify; writes are refused afterwards. */
    GSK_CLOSE_NOTIFY(102),
    /** Renegotiate with a full handshake. */
    GSK_RESET_CIPHER_WITHNEWSESSION(103);

    private static final Map<Integer, MiscId> BY_ID = Tables.byId(values(), MiscId::id);

    private final int id;

    MiscId(int id) {
        this.id = id;
    }

    /** The GSK_MISC_ID number. */
    public int id() {
        return id;
    }

    /** The misc ID with this number, if any. */
    public static Optional<MiscId> fromId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
