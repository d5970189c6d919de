package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One point of a tracker's recorded track, as REST {@code track/read} returns it (the body of a {@code track_point}
 * Exchange delivered by gap fill). Field set per Navixy's OpenAPI {@code TrackPoint} schema; anything else the server
 * sends is kept in {@code extra}.
 *
 * @param lat        latitude in degrees
 * @param lng        longitude in degrees
 * @param alt        altitude in metres
 * @param satellites satellites in view
 * @param mileage    mileage as the server reports it (its unit is not documented)
 * @param getTime    the point's GPS time ({@code get_time}); {@code ${body.getTime}} or {@code ${body.time}} in simple
 * @param address    address text, often empty
 * @param heading    bearing in degrees (0-360, 0 = north)
 * @param speed      speed in km/h
 * @param precision  precision in metres (optional)
 * @param gsmLbs     true when the fix came from GSM LBS (optional)
 * @param parking    true when the point is not part of a trip (optional)
 * @param buffered   true when the device stored the point and sent it later (optional)
 * @param extra      JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackPoint(
        Double lat,
        Double lng,
        Integer alt,
        Integer satellites,
        Double mileage,
        @NavixyTimestamp OffsetDateTime getTime,
        String address,
        Integer heading,
        Integer speed,
        Integer precision,
        Boolean gsmLbs,
        Boolean parking,
        Boolean buffered,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The {@code CamelNavixyEventType} of Exchanges carrying a track point. */
    public static final String EVENT_TYPE = "track_point";

    public TrackPoint {
        extra = Extras.extra(extra);
    }
}
