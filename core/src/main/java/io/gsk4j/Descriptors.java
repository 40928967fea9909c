package io.gsk4j;

import java.nio.channels.Channel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers for channels, so that a channel can be set as the integer attribute {@code GSK_FD}.
 *
 * <p>Java has no portable way to reach a socket's operating-system descriptor, so gsk4j hands
 * out its own: the same channel always gets the same number, numbers are never reused, and a
 * channel that has been closed is forgotten at the next registration.
 */
public final class Descriptors {
    private static final int FIRST = 1000;

    private static final Map<Integer, Channel> BY_NUMBER = new HashMap<>();
    private static final Map<Channel, Integer> BY_CHANNEL = new IdentityHashMap<>();
    private static int next = FIRST;

    private Descriptors() {
    }

    /** The number of this channel, registering it on first use. */
    public static synchronized int of(Channel channel) {
        if (channel == null) {
            throw new IllegalArgumentException("no channel");
        }
        Integer known = BY_CHANNEL.get(channel);
        if (known != null) {
            return known;
        }
        purgeCollected();
        int number = next++;
        BY_NUMBER.put(number, channel);
        BY_CHANNEL.put(channel, number);
        return number;
    }

    /** The channel behind a number, if it is still registered and alive. */
    public static synchronized Optional<Channel> lookup(int number) {
        Channel ref = BY_NUMBER.get(number);
        return Optional.ofNullable(ref);
    }

    /** Forgets a channel: its number is never handed out again. */
    public static synchronized void release(Channel channel) {
        Integer number = BY_CHANNEL.remove(channel);
        if (number != null) {
            BY_NUMBER.remove(number);
        }
    }

    private static void purgeCollected() {
        for (Iterator<Map.Entry<Integer, Channel>> it = BY_NUMBER.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Integer, Channel> e = it.next();
            if (!e.getValue().isOpen()) {
                it.remove();
                BY_CHANNEL.remove(e.getValue());
            }
        }
    }
}
