package io.github.camelnavixy.protocol;

import io.github.camelnavixy.model.NavixyEvent;

import java.util.List;

/**
 * A {@code type:"event"} message.
 *
 * @param event    the event with the items that could be bound, in arrival order
 * @param problems the parts of the message that could not be read (a bad batch item, an unparsable
 *                 {@code user_time}), each reported once; the rest of the event is still delivered
 */
public record EventMessage(NavixyEvent event, List<MalformedFrameException> problems) implements InboundMessage {

    public EventMessage {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** An event read without problems. */
    public EventMessage(NavixyEvent event) {
        this(event, List.of());
    }
}
