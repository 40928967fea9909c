package io.gsk4j;

import io.gsk4j.internal.Sockets;
import java.nio.channels.Channel;
import java.util.Optional;

/**
 * Numbers for channels, so that a channel can be set as the integer attribute {@code GSK_FD}.
 *
 * <p>Java has no portable way to reach a socket's operating-system descriptor, so gsk4j hands
 * out its own: the same channel always gets the same number, numbers are never reused, and a
 * channel that has been closed is forgotten at the next registration.
 */
public final class Descriptors {
    private Descriptors() {
    }

    /** The number of this channel, registering it on first use. */
    public static int of(Channel channel) {
        return Sockets.numberOf(channel);
    }

    /** The channel behind a number, if it is still registered. */
    public static Optional<Channel> lookup(int number) {
        return Sockets.channel(number);
    }

    /** Forgets a channel: its number is never handed out again. */
    public static void release(Channel channel) {
        Sockets.forgetNumber(channel);
    }
}
