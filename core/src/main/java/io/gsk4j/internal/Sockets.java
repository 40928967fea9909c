package io.gsk4j.internal;

import java.nio.channels.Channel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What gsk4j knows about each socket, in one place: its descriptor number ({@code GSK_FD}), the
 * secure session that owns it (a second one is refused with
 * {@code GSK_IBMI_ERROR_ALREADY_SECURE} instead of corrupting the first), and its asynchronous
 * side (the I/O thread's record of it, which QsoCancelOperation finds by socket).
 *
 * <p>Descriptor numbers start at 1000, the same channel always gets the same number, numbers
 * are never reused, and a channel that has been closed loses its number at the next
 * registration. A socket's entry lives while any of the three is set.
 */
public final class Sockets {
    private static final int FIRST_NUMBER = 1000;

    /** One socket. Fields are guarded by the class lock. */
    private static final class Entry {
        int number;
        Object secureOwner;
        Object async;

        boolean empty() {
            return number == 0 && secureOwner == null && async == null;
        }
    }

    private static final Map<Channel, Entry> BY_CHANNEL = new IdentityHashMap<>();
    private static final Map<Integer, Channel> BY_NUMBER = new HashMap<>();
    private static int nextNumber = FIRST_NUMBER;

    private Sockets() {
    }

    // ---- descriptor numbers ----

    /** The number of this channel, registering it on first use. */
    public static synchronized int numberOf(Channel channel) {
        if (channel == null) {
            throw new IllegalArgumentException("no channel");
        }
        Entry known = BY_CHANNEL.get(channel);
        if (known != null && known.number != 0) {
            return known.number;
        }
        forgetClosed();
        int number = nextNumber++;
        BY_NUMBER.put(number, channel);
        BY_CHANNEL.computeIfAbsent(channel, c -> new Entry()).number = number;
        return number;
    }

    /** The channel behind a number, while it is registered. */
    public static synchronized Optional<Channel> channel(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** Forgets a channel's number: it is never handed out again. */
    public static synchronized void forgetNumber(Channel channel) {
        Entry e = BY_CHANNEL.get(channel);
        if (e != null && e.number != 0) {
            BY_NUMBER.remove(e.number);
            e.number = 0;
            dropIfEmpty(channel, e);
        }
    }

    private static void forgetClosed() {
        for (Iterator<Map.Entry<Integer, Channel>> it = BY_NUMBER.entrySet().iterator(); it.hasNext();) {
            Channel ch = it.next().getValue();
            if (!ch.isOpen()) {
                it.remove();
                Entry e = BY_CHANNEL.get(ch);
                e.number = 0;
                dropIfEmpty(ch, e);
            }
        }
    }

    // ---- the secure session on it ----

    /** Claims the channel for {@code owner}; false when another owner holds it. */
    public static synchronized boolean claim(Channel channel, Object owner) {
        Entry e = BY_CHANNEL.computeIfAbsent(channel, c -> new Entry());
        if (e.secureOwner == null) {
            e.secureOwner = owner;
        }
        return e.secureOwner == owner;
    }

    /** Releases the claim if {@code owner} holds it. */
    public static synchronized void release(Channel channel, Object owner) {
        Entry e = BY_CHANNEL.get(channel);
        if (e != null && e.secureOwner == owner) {
            e.secureOwner = null;
            dropIfEmpty(channel, e);
        }
    }

    // ---- its asynchronous side ----

    /** The asynchronous side recorded for the channel, if any. */
    public static synchronized Optional<Object> async(Channel channel) {
        Entry e = channel == null ? null : BY_CHANNEL.get(channel);
        return Optional.ofNullable(e == null ? null : e.async);
    }

    /** Records (replaces) the channel's asynchronous side. */
    public static synchronized void putAsync(Channel channel, Object async) {
        BY_CHANNEL.computeIfAbsent(channel, c -> new Entry()).async = async;
    }

    /** Removes the channel's asynchronous side if it is {@code expected}; whether it was. */
    public static synchronized boolean removeAsync(Channel channel, Object expected) {
        Entry e = BY_CHANNEL.get(channel);
        if (e == null || e.async != expected) {
            return false;
        }
        e.async = null;
        dropIfEmpty(channel, e);
        return true;
    }

    private static void dropIfEmpty(Channel channel, Entry e) {
        if (e.empty()) {
            BY_CHANNEL.remove(channel);
        }
    }
}
