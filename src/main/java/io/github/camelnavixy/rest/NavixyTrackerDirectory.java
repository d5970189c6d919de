package io.github.camelnavixy.rest;

import io.github.camelnavixy.model.TrackerInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's trackers as REST {@code tracker/list} last returned them: maps the {@code source_id} of state and
 * lifecycle events to tracker ids, labels and groups, and back. A consumer with {@code trackerDirectory=true} keeps
 * one up to date and binds it in the Camel registry, so a route can ask it, e.g.
 * {@code ${bean:navixyDirectory?method=label(${header.CamelNavixySourceId})}}.
 *
 * <p><b>Several trackers on one source</b> (Navixy clones): the lookups by source id answer with the <em>original</em>
 * tracker (the one with {@code clone: false}); when there are several originals or only clones, the lowest tracker
 * id wins. {@link #trackersOfSource} gives them all, the chosen one first.
 *
 * <p>Every method is thread-safe and never blocks: a refresh swaps in a whole new immutable view. Before the first
 * successful load every lookup answers {@code null} (or an empty list).
 */
public final class NavixyTrackerDirectory {

    private record View(Map<Long, TrackerInfo> byTracker, Map<Long, List<TrackerInfo>> bySource, Instant loadedAt) {
    }

    private static final Comparator<TrackerInfo> PREFERRED = Comparator
            .comparing((TrackerInfo t) -> Boolean.TRUE.equals(t.cloned())) // originals (false) first; no flag = original
            .thenComparing(t -> t.id() == null ? Long.MAX_VALUE : t.id());

    private volatile View view = new View(Map.of(), Map.of(), null);

    /** Whether a {@code tracker/list} answer has been loaded. */
    public boolean isLoaded() {
        return view.loadedAt() != null;
    }

    /** When the current view was loaded, or {@code null} before the first load. */
    public Instant loadedAt() {
        return view.loadedAt();
    }

    /** Every tracker of the account, by tracker id. */
    public List<TrackerInfo> trackers() {
        return List.copyOf(view.byTracker().values());
    }

    /** The tracker with this id, or {@code null}. */
    public TrackerInfo tracker(Long trackerId) {
        return trackerId == null ? null : view.byTracker().get(trackerId);
    }

    /** The tracker a source id stands for (the original when clones share it), or {@code null}. */
    public TrackerInfo trackerOfSource(Long sourceId) {
        List<TrackerInfo> all = trackersOfSource(sourceId);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every tracker on this source, the one {@link #trackerOfSource} picks first; empty when unknown. */
    public List<TrackerInfo> trackersOfSource(Long sourceId) {
        if (sourceId == null) {
            return List.of();
        }
        return view.bySource().getOrDefault(sourceId, List.of());
    }

    /** The tracker id of a source id (see the clone rule above), or {@code null}. */
    public Long trackerId(Long sourceId) {
        TrackerInfo t = trackerOfSource(sourceId);
        return t == null ? null : t.id();
    }

    /** The label of the tracker on a source id, e.g. "Truck 12", or {@code null}. */
    public String label(Long sourceId) {
        TrackerInfo t = trackerOfSource(sourceId);
        return t == null ? null : t.label();
    }

    /** The group id of the tracker on a source id (0 = no group), or {@code null}. */
    public Long groupId(Long sourceId) {
        TrackerInfo t = trackerOfSource(sourceId);
        return t == null ? null : t.groupId();
    }

    /** The source id of a tracker id, or {@code null}. */
    public Long sourceId(Long trackerId) {
        TrackerInfo t = tracker(trackerId);
        return t == null ? null : t.sourceId();
    }

    /** The label of a tracker id, or {@code null}. */
    public String trackerLabel(Long trackerId) {
        TrackerInfo t = tracker(trackerId);
        return t == null ? null : t.label();
    }

    /** Whether the current view knows this source id. */
    public boolean knowsSource(long sourceId) {
        return view.bySource().containsKey(sourceId);
    }

    /** Whether the current view knows this tracker id. */
    public boolean knowsTracker(long trackerId) {
        return view.byTracker().containsKey(trackerId);
    }

    /** Replaces the view with a fresh {@code tracker/list} answer. */
    void replace(List<TrackerInfo> trackers, Instant loadedAt) {
        Map<Long, TrackerInfo> byTracker = new LinkedHashMap<>();
        Map<Long, List<TrackerInfo>> bySource = new LinkedHashMap<>();
        trackers.stream().filter(t -> t.id() != null).sorted(Comparator.comparing(TrackerInfo::id)).forEach(t -> {
            byTracker.put(t.id(), t);
            if (t.sourceId() != null) {
                bySource.computeIfAbsent(t.sourceId(), s -> new ArrayList<>()).add(t);
            }
        });
        bySource.replaceAll((source, list) -> {
            list.sort(PREFERRED);
            return List.copyOf(list);
        });
        view = new View(Collections.unmodifiableMap(byTracker), Collections.unmodifiableMap(bySource), loadedAt);
    }

    @Override
    public String toString() {
        View v = view;
        return "NavixyTrackerDirectory[" + v.byTracker().size() + " trackers, loaded " + v.loadedAt() + "]";
    }
}
