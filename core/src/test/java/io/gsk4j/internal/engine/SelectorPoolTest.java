package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.junit.jupiter.api.Test;

/** The selectors synchronous waits borrow: reused, never lent with a channel still registered, bounded. */
class SelectorPoolTest {

    @Test
    void aSelectorGivenBackIsLentToTheNextWait() throws Exception {
        SelectorPool pool = new SelectorPool(2);
        Selector first = pool.borrow();
        pool.giveBack(first);
        assertEquals(1, pool.idle());
        Selector second = pool.borrow();
        assertSame(first, second);
        assertTrue(second.isOpen());
        pool.giveBack(second);
    }

    @Test
    void aSelectorThatStillHasAChannelRegisteredIsClosedNotKept() throws Exception {
        SelectorPool pool = new SelectorPool(2);
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            Selector s = pool.borrow();
            pipe.source().register(s, SelectionKey.OP_READ);
            pool.giveBack(s);
            assertFalse(s.isOpen(), "kept, it would defer the close of a program's socket");
            assertEquals(0, pool.idle());
            assertFalse(pipe.source().isRegistered());
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void selectorsBeyondTheIdleLimitAreClosedWhenTheyComeBack() throws Exception {
        SelectorPool pool = new SelectorPool(2);
        Selector a = pool.borrow();
        Selector b = pool.borrow();
        Selector c = pool.borrow();
        pool.giveBack(a);
        pool.giveBack(b);
        pool.giveBack(c);
        assertEquals(2, pool.idle());
        assertTrue(a.isOpen());
        assertTrue(b.isOpen());
        assertFalse(c.isOpen());
        pool.borrow().close();
        pool.borrow().close();
    }

    @Test
    void aSelectorClosedWhileIdleIsNeverLent() throws Exception {
        SelectorPool pool = new SelectorPool(2);
        Selector s = pool.borrow();
        pool.giveBack(s);
        s.close();
        Selector next = pool.borrow();
        assertNotSame(s, next);
        assertTrue(next.isOpen());
        next.close();
    }

    @Test
    void aPendingWakeUpOnlyEndsTheNextBorrowersSelectEarly() throws Exception {
        // a close that woke a wait which had already ended leaves a wake-up behind
        SelectorPool pool = new SelectorPool(1);
        Selector s = pool.borrow();
        s.wakeup();
        pool.giveBack(s);
        Selector next = pool.borrow();
        assertSame(s, next);
        assertEquals(0, next.select(10_000)); // returns at once with nothing ready: the waiter looks again
        assertTrue(next.isOpen());
        next.close();
    }
}
