package io.github.camelnavixy.subscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which trackers a subscription covers: every tracker of the account, or an explicit list of ids.
 *
 * @param ids the tracker ids in the order given; empty when {@code all} is true
 */
public record TrackerTarget(boolean all, List<Long> ids) {

    public static final TrackerTarget ALL = new TrackerTarget(true, List.of());

    public TrackerTarget {
        ids = List.copyOf(ids);
    }

    /**
     * Reads {@code all} or a comma-separated list of positive whole numbers.
     *
     * @throws IllegalArgumentException naming the bad token and what to write instead
     */
    public static TrackerTarget parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String token : text.split(",")) {
            String trimmed = token.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            ids.add(parseId(trimmed));
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(
                    "trackers='" + text + "' names no tracker: write trackers=all or a list of ids such as trackers=1001,1002");
        }
        return new TrackerTarget(false, new ArrayList<>(ids));
    }

    private static Long parseId(String token) {
        try {
            long id = Long.parseLong(token);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("trackers contains '" + token
                + "', which is not a tracker id: write positive whole numbers separated by commas (trackers=1001,1002) or trackers=all");
    }

    @Override
    public String toString() {
        return all ? "all" : ids.toString();
    }
}
