package io.github.camelnavixy.model;

/**
 * A batch item whose {@code type} this client does not know (a newer server's item kind). It is passed on rather than
 * dropped: it becomes an Exchange whose body is {@link #json()} and whose event type header is {@link #type()}.
 *
 * @param type the item's {@code type} field, verbatim (may be {@code null} when the item has none)
 * @param json the item's raw JSON text
 */
public record UnknownItem(String type, String json) {
}
