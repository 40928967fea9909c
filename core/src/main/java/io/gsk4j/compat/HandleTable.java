package io.gsk4j.compat;

import io.gsk4j.AttributeHandle;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers behind {@link GskHandle}s: each open environment or session has one.
 *
 * <p>Numbers come from a counter and are never reused, so a copy of a closed handle can never
 * reach an object opened later (C would have a dangling pointer; we answer GSK_INVALID_HANDLE).
 * The counter starts far from 0 and 1 so that a small integer passed by mistake finds nothing.
 */
final class HandleTable {
    private static final long FIRST = 0x4753_4B00_0001L; // "GSK" in the high bytes, easy to spot in a trace

    private final AtomicLong next = new AtomicLong(FIRST);
    private final Map<Long, Object> open = new ConcurrentHashMap<>();

    long add(Environment environment) {
        return put(environment);
    }

    long add(Session session) {
        return put(session);
    }

    private long put(Object target) {
        long number = next.getAndIncrement();
        open.put(number, target);
        return number;
    }

    /** The environment behind {@code number}; null when unknown, closed or a session. */
    Environment environmentOrNull(long number) {
        Object o = open.get(number);
        return o instanceof Environment ? (Environment) o : null;
    }

    /** The session behind {@code number}; null when unknown, closed or an environment. */
    Session sessionOrNull(long number) {
        Object o = open.get(number);
        return o instanceof Session ? (Session) o : null;
    }

    Environment environment(GskHandle handle) throws GskException {
        Environment e = environmentOrNull(Guard.pointer(handle, "the environment handle").value());
        if (e == null) {
            throw invalid(handle, "an open environment");
        }
        return e;
    }

    Session session(GskHandle handle) throws GskException {
        Session s = sessionOrNull(Guard.pointer(handle, "the session handle").value());
        if (s == null) {
            throw invalid(handle, "an open session");
        }
        return s;
    }

    /** For the attribute functions, which accept either kind. */
    AttributeHandle attributes(GskHandle handle) throws GskException {
        Object o = open.get(Guard.pointer(handle, "the handle").value());
        if (o instanceof AttributeHandle) {
            return (AttributeHandle) o;
        }
        throw invalid(handle, "an open environment or session");
    }

    /** For gsk_attribute_get_cert_info, whose rules differ between the two kinds. */
    Target target(GskHandle handle) throws GskException {
        AttributeHandle h = attributes(handle);
        return h instanceof Environment ? new Target((Environment) h) : new Target((Session) h);
    }

    /**
     * Forgets the handle if it names an object of {@code kind} and returns that object.
     * Atomic, so of two threads closing one handle exactly one gets the object.
     */
    <T> T remove(GskHandle handle, Class<T> kind) throws GskException {
        long number = Guard.pointer(handle, "the handle").value();
        Object o = open.get(number);
        if (!kind.isInstance(o) || !open.remove(number, o)) {
            throw invalid(handle, kind == Session.class ? "an open session" : "an open environment");
        }
        return kind.cast(o);
    }

    private static GskException invalid(GskHandle handle, String expected) {
        return new GskException(GskStatus.GSK_INVALID_HANDLE, "handle " + handle + " is not " + expected);
    }
}
