package io.github.camelnavixy.client;

import io.vertx.core.buffer.Buffer;

/**
 * Joins the fragments of one WebSocket message (a text frame with {@code FIN=0} and its continuation frames), bounded
 * by a maximum size. A message that grows past the limit is dropped as a whole: what came so far is freed at once,
 * the rest of its fragments is skipped, and the socket stays usable for the next message. One instance per socket;
 * not thread-safe (the socket's event loop only).
 */
public final class MessageReassembler {

    /** What one frame made of the message in progress. */
    public sealed interface Outcome permits Whole, Incomplete, Dropped {
    }

    /** A whole message, ready to decode. */
    public record Whole(Buffer message) implements Outcome {
    }

    /** A fragment was kept (or skipped): no message yet. */
    public record Incomplete() implements Outcome {
    }

    /** The message passed the limit with this fragment and is dropped; its later fragments will be skipped. */
    public record Dropped(long bytesSoFar, int limit) implements Outcome {
    }

    private static final Incomplete INCOMPLETE = new Incomplete();

    private final int maxMessageSize;
    private Buffer partial;
    private boolean skipping;

    public MessageReassembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Takes the next text or continuation frame.
     *
     * @param data         the frame's payload
     * @param continuation whether the frame is a continuation frame (opcode 0)
     * @param last         whether the frame ends its message (FIN)
     */
    public Outcome offer(Buffer data, boolean continuation, boolean last) {
        if (!continuation) {
            // A new message starts: whatever was pending or skipped belonged to a message that never ended.
            partial = null;
            skipping = false;
            if (last) {
                return data.length() > maxMessageSize ? new Dropped(data.length(), maxMessageSize) : new Whole(data);
            }
        } else if (skipping) {
            skipping = !last;
            return INCOMPLETE;
        } else if (partial == null) {
            return INCOMPLETE; // a continuation of nothing: ignore it
        }
        long size = (partial == null ? 0 : partial.length()) + (long) data.length();
        if (size > maxMessageSize) {
            partial = null;
            skipping = !last;
            return new Dropped(size, maxMessageSize);
        }
        if (partial == null) {
            partial = Buffer.buffer(Math.min(maxMessageSize, data.length() * 2));
        }
        partial.appendBuffer(data);
        if (!last) {
            return INCOMPLETE;
        }
        Buffer whole = partial;
        partial = null;
        return new Whole(whole);
    }

    /** Whether a message is half-read or being skipped. */
    public boolean inMessage() {
        return partial != null || skipping;
    }
}
