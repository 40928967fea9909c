package io.gsk4j.async;

import java.io.IOException;

/** The completion port was destroyed, before or while the caller waited on it. */
public final class PortDestroyedException extends IOException {
    private static final long serialVersionUID = 1L;

    PortDestroyedException() {
        super("the completion port was destroyed");
    }
}
