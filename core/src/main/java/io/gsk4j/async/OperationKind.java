package io.gsk4j.async;

/** What a completion reports: the operation that was started, or an application's own post. */
public enum OperationKind {
    /** {@code gsk_secure_soc_startInit}: a handshake. */
    HANDSHAKE,
    /** {@code gsk_secure_soc_startRecv}: decrypted bytes into the caller's buffer. */
    RECEIVE,
    /** {@code gsk_secure_soc_startSend}: the caller's bytes encrypted and sent. */
    SEND,
    /** {@code QsoPostIOCompletion}: posted by the application itself. */
    POSTED
}
