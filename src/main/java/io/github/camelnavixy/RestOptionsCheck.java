package io.github.camelnavixy;

import io.github.camelnavixy.subscription.EventType;

import java.util.List;

/** Checks the tracker directory and gap fill options at endpoint creation; each message says what to write. */
final class RestOptionsCheck {

    /** Navixy allows 50 REST requests per second per user for everything; gap fill may take at most half. */
    static final int MAX_GAP_FILL_RATE = 25;
    /** One track/read per gap; a day is a span every Navixy installation serves (longer ones may get error 211). */
    static final long MAX_GAP_FILL_AGE_MILLIS = 24 * 3_600_000L;
    static final long MIN_DIRECTORY_REFRESH_MILLIS = 1000;

    private RestOptionsCheck() {
    }

    static void validate(NavixyConfiguration c, List<EventType> types) {
        if (c.isTrackerDirectory()) {
            if (c.getTrackerDirectoryRefresh() < MIN_DIRECTORY_REFRESH_MILLIS) {
                throw new IllegalArgumentException("trackerDirectoryRefresh must be at least 1s: write e.g. trackerDirectoryRefresh=10m");
            }
            String bean = c.getTrackerDirectoryBean();
            if (bean == null || bean.isBlank()) {
                throw new IllegalArgumentException("trackerDirectoryBean is empty: write e.g. trackerDirectoryBean=navixyDirectory");
            }
        }
        if (!c.isGapFill()) {
            return;
        }
        if (!types.contains(EventType.STATE) && !types.contains(EventType.STATE_BATCH)) {
            throw new IllegalArgumentException("gapFill needs tracker states to find gaps: subscribe to state_batch (or state),"
                    + " e.g. navixy:state_batch?trackerDirectory=true&gapFill=true");
        }
        if (!c.isTrackerDirectory()) {
            throw new IllegalArgumentException("gapFill needs the tracker directory to turn source ids into tracker ids:"
                    + " add trackerDirectory=true");
        }
        if (c.getGapFillMaxAge() <= 0 || c.getGapFillMaxAge() > MAX_GAP_FILL_AGE_MILLIS) {
            throw new IllegalArgumentException("gapFillMaxAge must be more than 0 and at most 24h: write e.g. gapFillMaxAge=1h");
        }
        if (c.getGapFillRate() < 1 || c.getGapFillRate() > MAX_GAP_FILL_RATE) {
            throw new IllegalArgumentException("gapFillRate=" + c.getGapFillRate() + " must be from 1 to "
                    + MAX_GAP_FILL_RATE + " requests per second (Navixy allows 50 per second for everything):"
                    + " write e.g. gapFillRate=5");
        }
    }
}
