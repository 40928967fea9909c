package io.gsk4j.compat;

/** C's {@code struct timeval}: seconds and microseconds. */
public final class Timeval {
    public long tv_sec;
    public long tv_usec;

    /** A zero time (do not wait). */
    public Timeval() {
    }

    /** A time of {@code tv_sec} seconds and {@code tv_usec} microseconds. */
    public Timeval(long tv_sec, long tv_usec) {
        this.tv_sec = tv_sec;
        this.tv_usec = tv_usec;
    }

    Timeval copy() {
        return new Timeval(tv_sec, tv_usec);
    }

    boolean isZero() {
        return tv_sec == 0 && tv_usec == 0;
    }

    @Override
    public String toString() {
        return tv_sec + "s " + tv_usec + "us";
    }
}
