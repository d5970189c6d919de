package io.github.camelnavixy.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The device behind a tracker ({@code source} in REST {@code tracker/list}). Its {@code id} is the {@code source_id}
 * of WebSocket state and lifecycle events. Dates stay text ({@code YYYY-MM-DD}).
 *
 * @param id             source id (the physical device)
 * @param deviceId       IMEI, serial or custom id (text, though some servers send a number)
 * @param model          device model code
 * @param blocked        blocked (tariff ended or other)
 * @param tariffId       tariff
 * @param statusListingId status listing, may be null
 * @param creationDate   registration date
 * @param tariffEndDate  next tariff prolongation, may be null
 * @param phone          SIM phone number, may be null
 * @param extra          JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackerSource(
        Long id,
        String deviceId,
        String model,
        Boolean blocked,
        Long tariffId,
        Long statusListingId,
        String creationDate,
        String tariffEndDate,
        String phone,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrackerSource {
        extra = Extras.extra(extra);
    }
}
