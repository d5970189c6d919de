package io.github.camelnavixy;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** trackerDirectory and gapFill options are checked when the endpoint is made, with a message saying what to write. */
class RestOptionsValidationTest extends CamelTestSupport {

    private static final String KEY = "apiKey=5f3c2a9e8b7d41c6a0e1f2d3c4b5a697";

    private NavixyEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, NavixyEndpoint.class);
    }

    private void refused(String uri, String advice) {
        assertThatThrownBy(() -> endpoint(uri)).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(advice);
    }

    @Test
    void defaultsAreOffWithTheDocumentedValues() {
        NavixyConfiguration c = endpoint("navixy:state_batch?" + KEY).getConfiguration();
        assertThat(c.isTrackerDirectory()).isFalse();
        assertThat(c.isGapFill()).isFalse();
        assertThat(c.getTrackerDirectoryRefresh()).isEqualTo(600_000);
        assertThat(c.getGapFillMaxAge()).isEqualTo(3_600_000);
        assertThat(c.getGapFillRate()).isEqualTo(5);
        assertThat(c.getTrackerDirectoryBean()).isEqualTo("navixyDirectory");
    }

    @Test
    void gapFillNeedsTheDirectory() {
        refused("navixy:state_batch?" + KEY + "&gapFill=true", "add trackerDirectory=true");
    }

    @Test
    void gapFillNeedsStates() {
        refused("navixy:readings_batch?" + KEY + "&trackerDirectory=true&gapFill=true", "subscribe to state_batch");
    }

    @Test
    void gapFillRateStaysWellBelowNavixysLimit() {
        refused("navixy:state_batch?" + KEY + "&trackerDirectory=true&gapFill=true&gapFillRate=50", "gapFillRate=5");
    }

    @Test
    void gapFillMaxAgeIsAtMostADay() {
        refused("navixy:state_batch?" + KEY + "&trackerDirectory=true&gapFill=true&gapFillMaxAge=2d", "gapFillMaxAge=1h");
    }

    @Test
    void aRefreshPeriodUnderASecondIsRefused() {
        refused("navixy:state_batch?" + KEY + "&trackerDirectory=true&trackerDirectoryRefresh=10ms", "trackerDirectoryRefresh=10m");
    }

    @Test
    void durationsAreReadInCamelsForms() {
        NavixyConfiguration c = endpoint("navixy:state?" + KEY + "&trackers=1&trackerDirectory=true&gapFill=true"
                + "&gapFillMaxAge=30m&trackerDirectoryRefresh=PT1M&gapFillRate=2").getConfiguration();
        assertThat(c.getGapFillMaxAge()).isEqualTo(1_800_000);
        assertThat(c.getTrackerDirectoryRefresh()).isEqualTo(60_000);
        assertThat(c.getGapFillRate()).isEqualTo(2);
    }
}
