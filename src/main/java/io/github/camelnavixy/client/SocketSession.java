package io.github.camelnavixy.client;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * One socket of a {@link NavixyConnection} and everything that lives and dies with it: the upgrade in progress, the
 * timers that watch it, its heartbeat, the message being reassembled and the hash it subscribed with.
 *
 * <p>Its identity is what tells a current socket from an old one: the connection keeps the current session and
 * ignores callbacks of any other. {@link #close()} cancels every timer and releases the socket, even while its upgrade
 * is still running: each session has its own {@link WebSocketClient}, and closing that client drops a pending upgrade
 * at once, so a server that stalls upgrades never holds two connections of ours. Event loop only.
 */
final class SocketSession {

    /** Longest heartbeat text accepted from a handshake; a longer one falls back to {@code X}. */
    static final int MAX_PADDING_LENGTH = 16;
    /** Shortest heartbeat period, whatever the handshake asks: a tiny one would flood our own write queue. */
    static final long MIN_HEARTBEAT_MILLIS = 1000;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final ClientWebSocket socket;
    private final MessageReassembler reassembler;
    private final String hash;

    private boolean open;
    private boolean closed;
    private long lastReceivedNanos = System.nanoTime();
    private long connectTimer = -1;
    private long handshakeTimer = -1;
    private long heartbeatTimer = -1;
    private long pingTimer = -1;
    private long idleTimer = -1;
    private long stableTimer = -1;

    SocketSession(Vertx vertx, WebSocketClientOptions options, int maxMessageSize, String hash) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(options);
        this.socket = client.webSocket();
        this.reassembler = new MessageReassembler(maxMessageSize);
        this.hash = hash;
    }

    ClientWebSocket socket() {
        return socket;
    }

    MessageReassembler reassembler() {
        return reassembler;
    }

    /** The hash this socket subscribed with. */
    String hash() {
        return hash;
    }

    /** Marks the upgrade done; true the first time only (a frame can arrive before the connect future completes). */
    boolean markOpen() {
        if (open || closed) {
            return false;
        }
        open = true;
        cancel(connectTimer);
        connectTimer = -1;
        received();
        return true;
    }

    /** Whether the upgrade ever completed (the socket was counted as open), closed since or not. */
    boolean wasOpened() {
        return open;
    }

    boolean isOpen() {
        return open && !closed;
    }

    boolean isClosed() {
        return closed;
    }

    /** Something arrived (frame, pong): the link is alive. */
    void received() {
        lastReceivedNanos = System.nanoTime();
    }

    long silentNanos() {
        return System.nanoTime() - lastReceivedNanos;
    }

    void onConnectTimeout(long millis, Runnable action) {
        connectTimer = vertx.setTimer(Math.max(1, millis), t -> {
            connectTimer = -1;
            action.run();
        });
    }

    void onHandshakeWait(long millis, Runnable action) {
        handshakeTimer = vertx.setTimer(Math.max(1, millis), t -> {
            handshakeTimer = -1;
            action.run();
        });
    }

    void cancelHandshakeWait() {
        cancel(handshakeTimer);
        handshakeTimer = -1;
    }

    /**
     * Starts the client heartbeat the handshake asked for, once per socket. The period is at least
     * {@value #MIN_HEARTBEAT_MILLIS} ms, a padding longer than {@value #MAX_PADDING_LENGTH} characters (or none)
     * becomes {@code X}, and no heartbeat is written while the write queue is full: a heartbeat only says "alive",
     * and a full queue already says it.
     *
     * @return the period used, or 0 when the handshake asked for none
     */
    long startHeartbeat(long intervalMillis, String padding) {
        if (heartbeatTimer >= 0 || intervalMillis <= 0 || closed) {
            return 0;
        }
        long period = Math.max(MIN_HEARTBEAT_MILLIS, intervalMillis);
        String text = padding == null || padding.isEmpty() || padding.length() > MAX_PADDING_LENGTH ? "X" : padding;
        heartbeatTimer = vertx.setPeriodic(period, t -> {
            if (isOpen() && !socket.isClosed() && !socket.writeQueueFull()) {
                socket.writeTextMessage(text);
            }
        });
        return period;
    }

    /** Pings every {@code pingMillis} and calls {@code onSilence} when nothing came for {@code idleMillis}. */
    void startLiveness(long pingMillis, long idleMillis, java.util.function.BooleanSupplier paused, Runnable onSilence) {
        if (pingMillis > 0) {
            pingTimer = vertx.setPeriodic(pingMillis, t -> {
                if (isOpen() && !socket.isClosed() && !socket.writeQueueFull()) {
                    socket.writePing(Buffer.buffer());
                }
            });
        }
        if (idleMillis > 0) {
            long check = Math.max(50, Math.min(1000, idleMillis / 4));
            long idleNanos = idleMillis * 1_000_000L;
            idleTimer = vertx.setPeriodic(check, t -> {
                if (!paused.getAsBoolean() && silentNanos() > idleNanos) {
                    onSilence.run();
                }
            });
        }
    }

    /** Runs {@code action} once this socket has stayed subscribed for {@code millis}. */
    void afterStable(long millis, Runnable action) {
        cancel(stableTimer);
        stableTimer = vertx.setTimer(Math.max(1, millis), t -> {
            stableTimer = -1;
            action.run();
        });
    }

    void write(String text) {
        if (isOpen() && !socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    void pause() {
        if (open) {
            socket.pause();
        }
    }

    void resume() {
        if (open) {
            socket.resume();
        }
    }

    /** Cancels every timer and lets the socket go: a close frame when open, else the pending upgrade is dropped. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (long timer : new long[] {connectTimer, handshakeTimer, heartbeatTimer, pingTimer, idleTimer, stableTimer}) {
            cancel(timer);
        }
        connectTimer = handshakeTimer = heartbeatTimer = pingTimer = idleTimer = stableTimer = -1;
        if (open && !socket.isClosed()) {
            // The close frame first; the client (and with it the TCP connection) goes once the close handshake is
            // over or Vert.x's closing timeout has passed.
            socket.close().onComplete(v -> client.close());
        } else {
            client.close();
        }
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
