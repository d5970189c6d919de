package io.github.camelnavixy.protocol;

import io.github.camelnavixy.model.NavixyEvent;

/**
 * A {@code type:"event"} message.
 *
 * @param event the event with its typed items
 */
public record EventMessage(NavixyEvent event) implements InboundMessage {
}
