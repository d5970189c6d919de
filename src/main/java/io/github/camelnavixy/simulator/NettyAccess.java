package io.github.camelnavixy.simulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.http.HttpConnection;

/**
 * The one place that reaches below Vert.x's public API, to the Netty channel of a connection. Two faults need it:
 * <ul>
 * <li><b>Abrupt close</b>: ending TCP without a WebSocket close frame, which {@code ServerWebSocket.close()}
 * always sends (see {@link #abruptClose}).</li>
 * <li><b>Go silent</b>: Vert.x answers a ping with a pong as soon as it decodes the frame, before any user handler
 * and before {@code ServerWebSocket.pause()} (which only queues data frames, and stops the socket only once 8+
 * frames are queued). Turning the channel's {@code autoRead} off stops decoding altogether, so pings, close frames
 * and heartbeats stay unread in the kernel buffer, exactly like a hung server. Turning it back on resumes
 * processing.</li>
 * </ul>
 * In Vert.x 4.5 an HTTP/1.x connection is a {@code io.vertx.core.net.impl.ConnectionBase}, which has a public
 * {@code channel()} method. If that internal type ever changes, {@link #channel} returns null and callers fall back to
 * the public API (close frame instead of abrupt close; {@code pause()} instead of silence).
 */
final class NettyAccess {

    private NettyAccess() {
    }

    static Channel channel(HttpConnection connection) {
        try {
            if (connection instanceof io.vertx.core.net.impl.ConnectionBase base) {
                return base.channel();
            }
        } catch (LinkageError e) {
            // internal API moved: degrade gracefully
        }
        return null;
    }

    /**
     * Closes the TCP connection without a WebSocket close frame. {@code channel.close()} is not enough: it travels
     * the pipeline to Vert.x's {@code VertxHandler}, which turns it into a graceful WebSocket close (status 1000).
     * Starting the close at the first handler's context sends it straight to the transport.
     */
    static void abruptClose(Channel channel) {
        ChannelHandlerContext first = channel.pipeline().firstContext();
        if (first != null) {
            first.close();
        } else {
            channel.unsafe().close(channel.voidPromise());
        }
    }
}
