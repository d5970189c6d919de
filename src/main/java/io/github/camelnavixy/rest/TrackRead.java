package io.github.camelnavixy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.TrackPoint;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code track/read} request for a {@link GapWindow}, and the reading of its answer.
 *
 * <p>Request: every point, unthinned and unfiltered ({@code simplify:false}, {@code filter:false}: parking points
 * included, {@code include_gsm_lbs:true}). {@code from}/{@code to} are sent as {@code yyyy-MM-dd HH:mm:ss} in the
 * user's time zone, as Navixy documents; the offset used is the one the server's own timestamps carried, so no zone
 * needs configuring. {@code to} is rounded up to the next second, so a point in the last second is not lost.
 *
 * <p>Answer: points are sorted by GPS time (Navixy does not promise an order) and only those strictly inside the
 * window are kept: Navixy's bound inclusivity is not documented, and a point at either bound has been seen live.
 */
public final class TrackRead {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What one call returned. */
    public record Result(List<TrackPoint> points, boolean limitExceeded, int received) {
    }

    private TrackRead() {
    }

    public static ObjectNode request(GapWindow window, boolean isoDateTime) {
        OffsetDateTime to = window.to().truncatedTo(ChronoUnit.SECONDS);
        if (to.isBefore(window.to())) {
            to = to.plusSeconds(1);
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("tracker_id", window.trackerId());
        params.put("from", LOCAL.format(window.from()));
        params.put("to", LOCAL.format(to));
        params.put("simplify", false);
        params.put("filter", false);
        params.put("include_gsm_lbs", true);
        if (isoDateTime) {
            params.put("iso_datetime", true);
        }
        return params;
    }

    /** Reads the answer; plain timestamps are taken in the window's offset (the user's zone as the server sent it). */
    public static Result read(JsonNode answer, GapWindow window) {
        ObjectReader reader = NavixyJson.readerFor(TrackPoint.class, ZoneId.ofOffset("", window.from().getOffset()));
        List<TrackPoint> points = new ArrayList<>();
        int received = 0;
        for (JsonNode item : answer.path("list")) {
            received++;
            TrackPoint point;
            try {
                point = reader.readValue(item);
            } catch (Exception e) {
                continue; // a point that cannot be read is left out, not the whole window
            }
            OffsetDateTime time = point.getTime();
            if (time != null && time.isAfter(window.from()) && time.isBefore(window.to())) {
                points.add(point);
            }
        }
        points.sort(Comparator.comparing(p -> p.getTime().toInstant()));
        return new Result(List.copyOf(points), answer.path("limit_exceeded").asBoolean(false), received);
    }
}
