package io.github.camelnavixy.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GapTrackerTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-29T10:00:00-06:00");
    private final GapTracker gaps = new GapTracker(Duration.ofHours(1));

    @Test
    void findsNoGapOnTheFirstSubscription() {
        gaps.subscribed();
        gaps.observe(1001L, 9001L, T0);
        assertThat(gaps.observe(1001L, 9001L, T0.plusMinutes(5))).isEmpty();
    }

    @Test
    void theFirstStateAfterAResubscriptionOpensAWindowFromTheLastTimeSeen() {
        gaps.subscribed();
        gaps.observe(1001L, 9001L, T0);
        gaps.observe(1001L, 9001L, T0.plusSeconds(10));
        gaps.subscribed();

        assertThat(gaps.observe(1001L, 9001L, T0.plusSeconds(40)))
                .contains(new GapWindow(1001L, 9001L, T0.plusSeconds(10), T0.plusSeconds(40)));
        assertThat(gaps.observe(1001L, 9001L, T0.plusSeconds(41))).as("only the snapshot is compared").isEmpty();
    }

    @Test
    void aSnapshotNoLaterThanWhatWasSeenIsNoGap() {
        gaps.subscribed();
        gaps.observe(1001L, 9001L, T0);
        gaps.subscribed();
        assertThat(gaps.observe(1001L, 9001L, T0)).isEmpty();
    }

    @Test
    void aGapOlderThanTheMaximumAgeIsSkipped() {
        gaps.subscribed();
        gaps.observe(1001L, 9001L, T0);
        gaps.subscribed();
        assertThat(gaps.observe(1001L, 9001L, T0.plusHours(2))).isEmpty();
        assertThat(gaps.tooOldCount()).isEqualTo(1);
    }

    @Test
    void withoutATrackerIdThereIsNoWindowButTheTimeCountsAsSeen() {
        gaps.subscribed();
        gaps.observe(null, 9001L, T0);
        gaps.subscribed();
        assertThat(gaps.observe(null, 9001L, T0.plusSeconds(30))).isEmpty();
        gaps.subscribed();
        assertThat(gaps.observe(1001L, 9001L, T0.plusSeconds(50)))
                .contains(new GapWindow(1001L, 9001L, T0.plusSeconds(30), T0.plusSeconds(50)));
    }

    @Test
    void windowsOfTwoOutagesDoNotOverlap() {
        gaps.subscribed();
        gaps.observe(1001L, 9001L, T0);
        gaps.subscribed();
        Optional<GapWindow> first = gaps.observe(1001L, 9001L, T0.plusSeconds(20));
        gaps.observe(1001L, 9001L, T0.plusSeconds(25));
        gaps.subscribed();
        Optional<GapWindow> second = gaps.observe(1001L, 9001L, T0.plusSeconds(60));

        assertThat(first.orElseThrow().to()).isBefore(second.orElseThrow().from());
        assertThat(second.get().from()).isEqualTo(T0.plusSeconds(25));
    }
}
