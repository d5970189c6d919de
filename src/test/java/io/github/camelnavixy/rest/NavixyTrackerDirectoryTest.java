package io.github.camelnavixy.rest;

import io.github.camelnavixy.model.TrackerInfo;
import io.github.camelnavixy.model.TrackerSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NavixyTrackerDirectoryTest {

    private static TrackerInfo tracker(long id, String label, Boolean clone, long group, long source) {
        return new TrackerInfo(id, label, clone, group, null,
                new TrackerSource(source, null, null, false, null, null, null, null, null, Map.of()), List.of(), Map.of());
    }

    @Test
    void answersNothingBeforeTheFirstLoad() {
        NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
        assertThat(directory.isLoaded()).isFalse();
        assertThat(directory.label(10432208L)).isNull();
        assertThat(directory.trackersOfSource(10432208L)).isEmpty();
        assertThat(directory.trackerId(null)).isNull();
    }

    @Test
    void mapsSourceIdsToTrackersAndBack() {
        NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
        directory.replace(List.of(tracker(3435108, "Unidad 01", false, 167, 10432208)), Instant.now());

        assertThat(directory.trackerId(10432208L)).isEqualTo(3435108L);
        assertThat(directory.label(10432208L)).isEqualTo("Unidad 01");
        assertThat(directory.groupId(10432208L)).isEqualTo(167L);
        assertThat(directory.sourceId(3435108L)).isEqualTo(10432208L);
        assertThat(directory.trackerLabel(3435108L)).isEqualTo("Unidad 01");
    }

    @Test
    void theOriginalWinsOverItsClonesWhateverTheirIds() {
        NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
        directory.replace(List.of(tracker(5, "clone", true, 0, 77), tracker(9, "original", false, 0, 77)), Instant.now());

        assertThat(directory.trackerId(77L)).isEqualTo(9L);
        assertThat(directory.trackersOfSource(77L)).extracting(TrackerInfo::id).containsExactly(9L, 5L);
    }

    @Test
    void amongEqualsTheLowestTrackerIdWinsAndAMissingFlagCountsAsOriginal() {
        NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
        directory.replace(List.of(tracker(8, "b", null, 0, 77), tracker(4, "a", false, 0, 77), tracker(2, "c", true, 0, 77)),
                Instant.now());

        assertThat(directory.trackersOfSource(77L)).extracting(TrackerInfo::id).containsExactly(4L, 8L, 2L);
    }

    @Test
    void aRefreshReplacesTheWholeView() {
        NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
        directory.replace(List.of(tracker(1, "gone", false, 0, 11)), Instant.now());
        directory.replace(List.of(tracker(2, "new", false, 0, 22)), Instant.now());

        assertThat(directory.knowsTracker(1)).isFalse();
        assertThat(directory.knowsSource(22)).isTrue();
        assertThat(directory.trackers()).extracting(TrackerInfo::label).containsExactly("new");
    }
}
