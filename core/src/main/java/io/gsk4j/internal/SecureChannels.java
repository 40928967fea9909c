package io.gsk4j.internal;

import java.nio.channels.Channel;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which channels carry a secure session right now, so a second session on the same socket
 * is refused ({@code GSK_IBMI_ERROR_ALREADY_SECURE}) instead of corrupting the first.
 */
public final class SecureChannels {
    private static final Map<Channel, Object> OWNERS = new IdentityHashMap<>();

    private SecureChannels() {
    }

    /** Claims the channel for {@code owner}; false when another owner holds it. */
    public static synchronized boolean claim(Channel channel, Object owner) {
        Object current = OWNERS.putIfAbsent(channel, owner);
        return current == null || current == owner;
    }

    public static synchronized void release(Channel channel, Object owner) {
        OWNERS.remove(channel, owner);
    }
}
