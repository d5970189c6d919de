package io.github.camelnavixy.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffPolicyTest {

    private final BackoffPolicy policy = new BackoffPolicy(1000, 60_000, -1);

    @Test
    void doublesTheCeilingWithEveryFailureUpToTheMaximum() {
        assertThat(policy.ceilingMillis(1)).isEqualTo(1000);
        assertThat(policy.ceilingMillis(2)).isEqualTo(2000);
        assertThat(policy.ceilingMillis(4)).isEqualTo(8000);
        assertThat(policy.ceilingMillis(7)).isEqualTo(60_000);
        assertThat(policy.ceilingMillis(500)).isEqualTo(60_000);
    }

    @Test
    void jittersWithinTheUpperHalfOfTheCeiling() {
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delayMillis(3)).isBetween(2000L, 4000L);
        }
    }

    @Test
    void spreadsDelaysRatherThanRepeatingOne() {
        long first = policy.delayMillis(6);
        boolean differs = false;
        for (int i = 0; i < 100 && !differs; i++) {
            differs = policy.delayMillis(6) != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void limitsAttemptsWhenAMaximumIsSet() {
        BackoffPolicy limited = new BackoffPolicy(10, 100, 3);
        assertThat(limited.allowsAnotherAttempt(2)).isTrue();
        assertThat(limited.allowsAnotherAttempt(3)).isFalse();
        assertThat(policy.allowsAnotherAttempt(Integer.MAX_VALUE)).isTrue();
    }
}
