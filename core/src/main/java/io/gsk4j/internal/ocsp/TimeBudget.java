package io.gsk4j.internal.ocsp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one query may take: the tighter of the OCSP timeout and the caller's deadline, or
 * none. Counted on {@link System#nanoTime()} so a clock change cannot stretch a wait.
 */
final class TimeBudget {
    private final long startNanos;
    private final long budgetNanos;
    private final boolean limited;
    private final String limitName;

    private TimeBudget(long budgetNanos, boolean limited, String limitName) {
        this.startNanos = System.nanoTime();
        this.budgetNanos = budgetNanos;
        this.limited = limited;
        this.limitName = limitName;
    }

    static TimeBudget start(int timeoutSeconds, Instant deadline, Clock clock) {
        long budget = Long.MAX_VALUE;
        String name = "no limit";
        boolean limited = false;
        if (timeoutSeconds > 0) {
            budget = Duration.ofSeconds(timeoutSeconds).toNanos();
            name = "the OCSP timeout of " + timeoutSeconds + " s";
            limited = true;
        }
        if (deadline != null) {
            long untilDeadline = saturatedNanos(Duration.between(clock.instant(), deadline));
            if (!limited || untilDeadline < budget) {
                budget = untilDeadline;
                name = "the caller's deadline";
            }
            limited = true;
        }
        return new TimeBudget(Math.max(0, budget), limited, name);
    }

    boolean limited() {
        return limited;
    }

    boolean expired() {
        return limited && System.nanoTime() - startNanos >= budgetNanos;
    }

    /** Milliseconds left (at least 1 while not expired, rounded up); Long.MAX_VALUE without limit. */
    long remainingMillis() {
        if (!limited) {
            return Long.MAX_VALUE;
        }
        long left = budgetNanos - (System.nanoTime() - startNanos);
        if (left <= 0) {
            return 0;
        }
        return Math.max(1, (left + 999_999) / 1_000_000);
    }

    /** Which limit this is, for details such as "no answer within the OCSP timeout of 3 s". */
    String limitName() {
        return limitName;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
