package io.gsk4j.internal.engine;

/** How a driver call behaves when the socket cannot go on. */
public enum IoMode {
    /**
     * The synchronous calls: wait on the session's own selector until the deadline. A caller
     * whose channel was already non-blocking gets {@code GSK_WOULD_BLOCK} from read and write
     * instead (the handshake still waits).
     */
    BLOCKING,
    /** The asynchronous path: never wait; throw {@link NeedIo} and let the I/O thread resume. */
    ASYNC
}
