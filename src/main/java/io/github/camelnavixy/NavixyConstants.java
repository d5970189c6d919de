package io.github.camelnavixy;

import org.apache.camel.spi.Metadata;

/** Headers the Navixy consumer sets on every Exchange. */
public final class NavixyConstants {

    @Metadata(label = "consumer", description = "The server's event name: state, state_batch, readings_batch, iot_monitor,"
            + " lifecycle, logout, track_point (gap fill), or any other name the server sends.", javaType = "String")
    public static final String EVENT_TYPE = "CamelNavixyEventType";

    @Metadata(label = "consumer", description = "The source id of a tracker state or lifecycle change (not the tracker id);"
            + " with trackerDirectory=true also on readings, iot_monitor and track_point Exchanges.",
            javaType = "Long")
    public static final String SOURCE_ID = "CamelNavixySourceId";

    @Metadata(label = "consumer", description = "The tracker id of a readings or iot_monitor item; with"
            + " trackerDirectory=true also on state, lifecycle and track_point Exchanges.", javaType = "Long")
    public static final String TRACKER_ID = "CamelNavixyTrackerId";

    @Metadata(label = "consumer", description = "The user_time of the event (the user's current time), when the server sent it.",
            javaType = "java.time.OffsetDateTime")
    public static final String USER_TIME = "CamelNavixyUserTime";

    @Metadata(label = "consumer", description = "The position of the item in its batch, from 0 (batch events split per item).",
            javaType = "Integer")
    public static final String BATCH_INDEX = "CamelNavixyBatchIndex";

    @Metadata(label = "consumer", description = "The number of items in the batch the item came from.", javaType = "Integer")
    public static final String BATCH_SIZE = "CamelNavixyBatchSize";

    @Metadata(label = "consumer", description = "With trackerDirectory=true: the label of the tracker (e.g. Truck 12), on"
            + " state, lifecycle, readings, iot_monitor and track_point Exchanges.", javaType = "String")
    public static final String TRACKER_LABEL = "CamelNavixyTrackerLabel";

    @Metadata(label = "consumer", description = "With trackerDirectory=true: the group id of the tracker (0 = no group).",
            javaType = "Long")
    public static final String GROUP_ID = "CamelNavixyGroupId";

    @Metadata(label = "consumer", description = "true on track_point Exchanges that gap fill replays from track/read after an"
            + " outage.", javaType = "Boolean")
    public static final String REPLAY = "CamelNavixyReplay";

    private NavixyConstants() {
    }
}
