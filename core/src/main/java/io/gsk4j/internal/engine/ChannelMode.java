package io.gsk4j.internal.engine;

import java.io.IOException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SocketChannel;

/**
 * Follows the blocking mode the program chose for its channel. The driver moves bytes only
 * while the channel is non-blocking (it waits on a selector, with a deadline); between calls
 * the channel is back in the program's own mode, so a program that sets O_NONBLOCK after the
 * handshake (or clears it) is obeyed from its next call on.
 *
 * <p>Why a blocking program's channel is switched at all, rather than read or written in its
 * own mode when the bytes are there (the switch is 4 fcntl(2) per call, two thirds of the
 * system calls of a 16 KiB read): an operation on a channel in blocking mode is interruptible, and a
 * {@link Thread#interrupt()} that lands in it closes the channel, i.e. the program's socket.
 * Checking the interrupt flag first leaves the window of the read itself, which a reader that
 * is interrupted while data flows hits every few interrupts ({@code SocketUseTest}). A
 * blocking write to a full socket could moreover be ended neither by its deadline nor by a
 * close from another thread. So every transfer and every wait runs non-blocking.
 *
 * <p>The switch is made at the call's first transfer ({@link #holdNonBlocking()}), not when
 * the call begins: a read served from plaintext already decrypted (a program reading a record
 * in several smaller pieces) touches neither the socket nor its mode.
 *
 * <p>Calls may overlap (a reader and a writer): the mode is sampled when the first one enters
 * and restored when the last one leaves. The asynchronous path pins the channel non-blocking
 * (it stays registered with an I/O thread's selector) until {@link #release()}; calls made
 * meanwhile follow the mode the program had when it was pinned.
 *
 * <p>Per session (GSK4J_BLOCKING_MODE_SWITCH, chosen by the program): the switch made at the
 * first transfer is kept until {@link #release()}, so later calls pay no fcntl(2) at all (four
 * per call otherwise: on a small virtual machine a third of the CPU of a 16 KiB transfer).
 * Transfers and waits stay non-blocking, so interrupts, deadlines and closes are handled as
 * always; what the program gives up is seeing its own mode between calls. A program that
 * makes the channel blocking again meanwhile is followed (the next call sees it and switches
 * again); one that makes it non-blocking cannot be told apart from the switch still held.
 */
final class ChannelMode {
    private final SocketChannel channel;
    private final boolean perSession;
    /** Per session: the channel is non-blocking because of our switch, held between calls. */
    private boolean held; // guarded by this
    private int active; // guarded by this
    private boolean callerBlocking; // guarded by this
    private boolean pinned; // guarded by this
    private boolean released; // guarded by this
    /** The channel is non-blocking for the calls running now: the program's mode, our switch, or the pin. */
    private volatile boolean transfersReady;

    ChannelMode(SocketChannel channel, boolean perSession) {
        this.channel = channel;
        this.perSession = perSession;
        this.callerBlocking = channel.isBlocking();
    }

    /** A driver call begins; returns whether the program's channel is non-blocking. */
    synchronized boolean enter() {
        if (active == 0 && !pinned && !released) {
            if (held && !channel.isBlocking()) {
                // our switch, still in place: the program's mode is the blocking one it had
                transfersReady = true;
            } else {
                held = false;
                callerBlocking = channel.isBlocking();
                transfersReady = !callerBlocking;
            }
        }
        active++;
        return !callerBlocking;
    }

    /**
     * Before a transfer or a wait of a call that {@link #enter()}ed: makes the channel
     * non-blocking for the rest of the running calls (once; later transfers pay one volatile read).
     */
    void holdNonBlocking() throws IOException {
        if (transfersReady) {
            return;
        }
        synchronized (this) {
            if (transfersReady || active == 0 || released) {
                return;
            }
            channel.configureBlocking(false); // on a closed channel this throws, as the transfer would
            transfersReady = true;
            held = perSession && callerBlocking && !pinned;
        }
    }

    /** The call that {@link #enter()}ed has ended. */
    synchronized void exit() {
        active--;
        restoreIfIdle();
    }

    /** The asynchronous path owns the channel from now until {@link #release()}. */
    synchronized void pin() throws IOException {
        if (pinned || released) {
            return;
        }
        if (active == 0 && !(held && !channel.isBlocking())) {
            callerBlocking = channel.isBlocking();
        }
        channel.configureBlocking(false);
        pinned = true;
        transfersReady = true;
    }

    /** The session is closing: hand the channel back in the program's mode once no call runs. */
    synchronized void release() {
        pinned = false;
        released = true;
        restoreIfIdle();
    }

    private void restoreIfIdle() {
        if (active > 0 || pinned || (held && !released)) {
            return;
        }
        held = false;
        transfersReady = false;
        if (!callerBlocking || !channel.isOpen() || channel.isBlocking()) {
            return;
        }
        try {
            channel.configureBlocking(true);
        } catch (IOException | IllegalBlockingModeException ignored) {
            // closed meanwhile, or still registered with another selector: nothing left to restore
        }
    }
}
