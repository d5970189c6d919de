package io.github.camelnavixy.simulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One client connection as the {@link SocketRelay} carries it: the client's socket ({@code front}) and the relay's
 * own socket to the simulator's HTTP server ({@code back}), with bytes copied both ways and backpressure kept (a side
 * that cannot take more pauses the other).
 *
 * <p>Because every byte passes here, the faults that the WebSocket API cannot produce are done at this level, with
 * the public Vert.x API only:
 * <ul>
 * <li><b>Abrupt close</b>: both TCP connections are closed; the client gets no WebSocket close frame, since the relay
 * does not speak WebSocket.</li>
 * <li><b>Silence</b>: both sides stop being read. The client's pings, frames, close frame and even its FIN stay
 * unread here (Vert.x delivers the end of a paused stream only after it resumes), so nothing reaches the server and
 * nothing, not even a pong, comes back: a hung server as the client sees it. Ending the silence delivers what was
 * held, in order.</li>
 * </ul>
 * State lives on the relay's event loop; the fault methods may be called from any thread and return a future that
 * completes once the fault is in place.
 */
final class RelayedConnection {

    private final Context context;
    private final NetSocket front;
    private final NetSocket back;
    private final Runnable onClosed;
    private boolean silent;
    /** front is not read because back cannot take more; likewise backHeld. */
    private boolean frontHeld;
    private boolean backHeld;
    private boolean frontPaused;
    private boolean backPaused;
    private volatile boolean dropOnServerOutput;
    private boolean closed;

    RelayedConnection(Context context, NetSocket front, NetSocket back, Runnable onClosed) {
        this.context = context;
        this.front = front;
        this.back = back;
        this.onClosed = onClosed;
    }

    /** Starts copying; front was paused while back was being connected. Called on the relay's event loop. */
    void start() {
        frontPaused = true;
        front.handler(data -> copy(data, back, true));
        back.handler(this::fromServer);
        // endHandler, not closeHandler: it comes after every byte read before the end, and not while paused
        front.endHandler(v -> closeBoth());
        back.endHandler(v -> closeBoth());
        front.exceptionHandler(e -> closeBoth());
        back.exceptionHandler(e -> closeBoth());
        updateReading();
    }

    private void fromServer(Buffer data) {
        copy(data, front, false);
        if (dropOnServerOutput) {
            closeBoth();
        }
    }

    private void copy(Buffer data, NetSocket to, boolean toServer) {
        if (closed) {
            return;
        }
        to.write(data);
        if (to.writeQueueFull()) {
            if (toServer) {
                frontHeld = true;
            } else {
                backHeld = true;
            }
            to.drainHandler(v -> {
                if (toServer) {
                    frontHeld = false;
                } else {
                    backHeld = false;
                }
                updateReading();
            });
            updateReading();
        }
    }

    private void updateReading() {
        if (closed) {
            return;
        }
        boolean pauseFront = silent || frontHeld;
        if (pauseFront != frontPaused) {
            frontPaused = pauseFront;
            if (pauseFront) {
                front.pause();
            } else {
                front.resume();
            }
        }
        boolean pauseBack = silent || backHeld;
        if (pauseBack != backPaused) {
            backPaused = pauseBack;
            if (pauseBack) {
                back.pause();
            } else {
                back.resume();
            }
        }
    }

    /** Stops reading both sides until {@link #unsilence()}. */
    Future<Void> silence() {
        return onRelay(() -> {
            silent = true;
            updateReading();
        });
    }

    Future<Void> unsilence() {
        return onRelay(() -> {
            silent = false;
            updateReading();
        });
    }

    /** Closes both TCP connections now: no WebSocket close frame reaches the client. */
    Future<Void> dropAbruptly() {
        return onRelay(this::closeBoth);
    }

    /** The next bytes from the server (the 101 answer to an upgrade) still reach the client, then TCP is closed. */
    void dropAfterNextServerOutput() {
        dropOnServerOutput = true;
    }

    /** On the relay's event loop. What was already copied is flushed before the close. */
    void closeBoth() {
        if (closed) {
            return;
        }
        closed = true;
        front.close();
        back.close();
        onClosed.run();
    }

    private Future<Void> onRelay(Runnable action) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            action.run();
            done.complete();
        });
        return done.future();
    }
}
