package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

/**
 * One event message from the server, reduced to what a consumer needs: the event name as sent and the typed items
 * in arrival order.
 * <p>
 * Items by event name:
 * <ul>
 * <li>{@code state}: one {@link TrackerState};</li>
 * <li>{@code state_batch}: {@link TrackerState} and {@link LifecycleChange} items;</li>
 * <li>{@code readings_batch}: {@link TrackerReadings} and {@link LifecycleChange} items;</li>
 * <li>{@code iot_monitor}: {@link IotLastValues} items;</li>
 * <li>{@code lifecycle}: one {@link LifecycleChange};</li>
 * <li>{@code logout}: one {@code String}, the reason text;</li>
 * <li>any other name: one {@code String}, the raw JSON text of the whole frame.</li>
 * </ul>
 * Batch items are typed by their own {@code type}, not by the event name (a documented sample labels readings as
 * {@code state_batch}), so a batch may hold any of these item types, and an {@link UnknownItem} for an item whose
 * {@code type} this client does not know. Items that could not be read are left out (the decoder reports them).
 *
 * @param name     the server's {@code event} field, verbatim
 * @param userTime the {@code user_time} field, when sent
 * @param batch    true for {@code state_batch}, {@code readings_batch} and {@code iot_monitor}
 * @param items    the items, in arrival order; unmodifiable
 */
public record NavixyEvent(String name, @NavixyTimestamp OffsetDateTime userTime, boolean batch, List<Object> items) {

    public static final String STATE = "state";
    public static final String STATE_BATCH = "state_batch";
    public static final String READINGS_BATCH = "readings_batch";
    public static final String IOT_MONITOR = "iot_monitor";
    public static final String LIFECYCLE = "lifecycle";
    public static final String LOGOUT = "logout";

    public NavixyEvent {
        items = items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /** Whether events of this name carry batches (many items, one per tracker). */
    public static boolean isBatch(String name) {
        return STATE_BATCH.equals(name) || READINGS_BATCH.equals(name) || IOT_MONITOR.equals(name);
    }
}
