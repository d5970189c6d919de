package io.github.camelnavixy.client;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageReassemblerTest {

    private final MessageReassembler reassembler = new MessageReassembler(10);

    private static Buffer text(String s) {
        return Buffer.buffer(s);
    }

    @Test
    void passesASingleFrameMessageThrough() {
        assertThat(reassembler.offer(text("hello"), false, true))
                .isEqualTo(new MessageReassembler.Whole(text("hello")));
    }

    @Test
    void joinsFragmentsIntoOneMessage() {
        assertThat(reassembler.offer(text("hel"), false, false)).isInstanceOf(MessageReassembler.Incomplete.class);
        assertThat(reassembler.offer(text("lo "), true, false)).isInstanceOf(MessageReassembler.Incomplete.class);
        assertThat(reassembler.offer(text("you"), true, true)).isEqualTo(new MessageReassembler.Whole(text("hello you")));
        assertThat(reassembler.inMessage()).isFalse();
    }

    @Test
    void dropsAMessageThatPassesTheLimitOnceAndSkipsItsRest() {
        reassembler.offer(text("123456"), false, false);
        assertThat(reassembler.offer(text("789012"), true, false)).isEqualTo(new MessageReassembler.Dropped(12, 10));
        assertThat(reassembler.offer(text("more"), true, false)).isInstanceOf(MessageReassembler.Incomplete.class);
        assertThat(reassembler.offer(text("end"), true, true)).isInstanceOf(MessageReassembler.Incomplete.class);
        assertThat(reassembler.inMessage()).isFalse();
        // the next message is read as usual
        assertThat(reassembler.offer(text("next"), false, true)).isEqualTo(new MessageReassembler.Whole(text("next")));
    }

    @Test
    void acceptsAMessageOfExactlyTheLimit() {
        reassembler.offer(text("12345"), false, false);
        assertThat(reassembler.offer(text("67890"), true, true)).isEqualTo(new MessageReassembler.Whole(text("1234567890")));
    }

    @Test
    void dropsASingleFrameLargerThanTheLimit() {
        assertThat(reassembler.offer(text("12345678901"), false, true)).isEqualTo(new MessageReassembler.Dropped(11, 10));
        assertThat(reassembler.inMessage()).isFalse();
    }

    @Test
    void ignoresAContinuationWithoutAStart() {
        assertThat(reassembler.offer(text("stray"), true, true)).isInstanceOf(MessageReassembler.Incomplete.class);
    }

    @Test
    void aNewMessageReplacesOneThatNeverEnded() {
        reassembler.offer(text("half"), false, false);
        assertThat(reassembler.offer(text("new"), false, true)).isEqualTo(new MessageReassembler.Whole(text("new")));
    }
}
