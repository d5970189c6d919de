package io.github.camelnavixy.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one event's {@code data} produced: the items that could be bound, in arrival order, and the positions
 * that could not. Every position (array element, entry of a map keyed by tracker id, {@code iot_last_values} element)
 * counts against the item cap, so a hostile message of millions of tiny items is refused after the cap instead of
 * filling the heap. Offsets given to it are the parser's, relative to {@code base} in the frame.
 * Not thread-safe: one per event.
 */
final class DataItems {

    /** How many bad items of one message are reported one by one; the rest are counted in one more report. */
    static final int MAX_REPORTED_PROBLEMS = 20;

    /**
     * A position of the data that could not be read.
     *
     * @param position index of the item in the data array (0 for data that is one object)
     * @param key      the tracker id key for readings keyed by tracker id, else {@code null}
     * @param reason   why, without the item text
     * @param start    offset of the item's first byte in the frame
     * @param end      offset after the item's last byte in the frame
     */
    record Problem(int position, String key, String reason, int start, int end) {
    }

    private final byte[] frame;
    private final int base;
    private final int maxItems;
    private final List<Object> items = new ArrayList<>();
    private List<Problem> problems = List.of();
    private int positions;
    private int unreported;

    /**
     * @param frame    the frame the parser reads
     * @param base     offset in {@code frame} where the parser's input starts
     * @param maxItems most positions accepted
     */
    DataItems(byte[] frame, int base, int maxItems) {
        this.frame = frame;
        this.base = base;
        this.maxItems = maxItems;
    }

    /**
     * Claims the next position.
     *
     * @throws BadFrame past the item cap: the whole message is refused
     */
    int nextPosition() {
        if (positions == maxItems) {
            throw new BadFrame("more than " + maxItems + " items in one message");
        }
        return positions++;
    }

    void add(Object item) {
        items.add(item);
    }

    /** Records a position that could not be read; offsets are the parser's. */
    void problem(int position, String key, String reason, long start, long end) {
        if (problems.size() == MAX_REPORTED_PROBLEMS) {
            unreported++;
            return;
        }
        if (problems.isEmpty()) {
            problems = new ArrayList<>(4);
        }
        problems.add(new Problem(position, key, reason, absolute(start), absolute(end)));
    }

    /** The frame text between two parser offsets (e.g. an item kept as raw JSON). */
    String text(long start, long end) {
        int from = absolute(start);
        return new String(frame, from, absolute(end) - from, StandardCharsets.UTF_8);
    }

    List<Object> items() {
        return items;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Bad items beyond {@link #MAX_REPORTED_PROBLEMS}, which are only counted. */
    int unreported() {
        return unreported;
    }

    private int absolute(long offset) {
        return base + (int) offset;
    }
}
