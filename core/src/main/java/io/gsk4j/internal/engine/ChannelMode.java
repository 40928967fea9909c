package io.gsk4j.internal.engine;

import java.io.IOException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SocketChannel;

/**
 * Follows the blocking mode the program chose for its channel. The driver needs the channel
 * non-blocking while one of its calls runs (it waits on a selector, with a deadline); between
 * calls the channel is back in the program's own mode, so a program that sets O_NONBLOCK after
 * the handshake (or clears it) is obeyed from its next call on.
 *
 * <p>Calls may overlap (a reader and a writer): the mode is sampled when the first one enters
 * and restored when the last one leaves. The asynchronous path pins the channel non-blocking
 * (it stays registered with an I/O thread's selector) until {@link #release()}; calls made
 * meanwhile follow the mode the program had when it was pinned.
 */
final class ChannelMode {
    private final SocketChannel channel;
    private int active; // guarded by this
    private boolean callerBlocking; // guarded by this
    private boolean pinned; // guarded by this
    private boolean released; // guarded by this

    ChannelMode(SocketChannel channel) {
        this.channel = channel;
        this.callerBlocking = channel.isBlocking();
    }

    /** A driver call begins; returns whether the program's channel is non-blocking. */
    synchronized boolean enter() throws IOException {
        if (active == 0 && !pinned && !released) {
            callerBlocking = channel.isBlocking();
            if (callerBlocking) {
                channel.configureBlocking(false); // a closed channel throws here, before active counts it
            }
        }
        active++;
        return !callerBlocking;
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
        if (active == 0) {
            callerBlocking = channel.isBlocking();
        }
        channel.configureBlocking(false);
        pinned = true;
    }

    /** The session is closing: hand the channel back in the program's mode once no call runs. */
    synchronized void release() {
        pinned = false;
        released = true;
        restoreIfIdle();
    }

    private void restoreIfIdle() {
        if (active > 0 || pinned || !callerBlocking || !channel.isOpen() || channel.isBlocking()) {
            return;
        }
        try {
            channel.configureBlocking(true);
        } catch (IOException | IllegalBlockingModeException ignored) {
            // closed meanwhile, or still registered with another selector: nothing left to restore
        }
    }
}
