package io.github.camelnavixy;

import io.github.camelnavixy.client.ConnectionSnapshot;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.protocol.TrackerStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Readiness of one Navixy consumer: UP only while connected and subscribed. Otherwise DOWN with the state, the failed
 * attempts, the next retry and the last error, so an operator sees why without reading logs.
 */
public class NavixyConsumerHealthCheck extends AbstractHealthCheck {

    private final NavixyConsumer consumer;

    public NavixyConsumerHealthCheck(NavixyConsumer consumer, String routeId) {
        super("camel", "consumer:navixy:" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        // A feed that is reconnecting is not a dead process: restarting the JVM would not help.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionSnapshot snapshot = consumer.getConnectionSnapshot();
        ConnectionState state = snapshot == null ? ConnectionState.NEW : snapshot.state();
        builder.detail("navixy.state", state.name());
        builder.detail("navixy.url", consumer.getEndpoint().getResolvedWebSocketUrl());
        if (snapshot != null) {
            builder.detail("navixy.failedAttempts", snapshot.failures());
            builder.detail("navixy.reconnects", snapshot.reconnects());
            if (snapshot.nextRetryMillis() > 0) {
                builder.detail("navixy.nextRetry", Instant.ofEpochMilli(snapshot.nextRetryMillis()).toString());
            }
            if (snapshot.lastError() != null) {
                builder.detail("navixy.lastError", snapshot.lastError());
            }
            snapshot.trackerStatuses().forEach((type, statuses) -> statuses.forEach((id, status) -> {
                if (status != TrackerStatus.NORMAL) {
                    builder.detail("navixy." + type + ".tracker." + id, status.name().toLowerCase(Locale.ROOT));
                }
            }));
        }
        if (state == ConnectionState.SUBSCRIBED) {
            builder.up();
        } else {
            builder.message("Navixy consumer is " + state
                    + (snapshot != null && snapshot.lastError() != null ? ": " + snapshot.lastError() : ""));
            builder.down();
        }
    }
}
