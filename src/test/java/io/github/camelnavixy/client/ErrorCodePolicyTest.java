package io.github.camelnavixy.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodePolicyTest {

    @ParameterizedTest(name = "code {0} is {1}")
    @CsvSource({
            "3, SESSION_ENDED", "4, SESSION_ENDED",
            "15, SLOW_DOWN",
            "1, TRANSIENT", "6, TRANSIENT", "8, TRANSIENT", "14, TRANSIENT",
            "104, LOGINS_LIMIT", "105, LOGIN_ATTEMPTS_LIMIT",
            "11, LOGIN_REFUSED", "102, LOGIN_REFUSED", "103, LOGIN_REFUSED", "275, LOGIN_REFUSED",
            "0, OTHER", "5, OTHER", "7, OTHER", "201, OTHER"})
    void classifiesEachCode(int code, ErrorCodePolicy expected) {
        assertThat(ErrorCodePolicy.of(code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "code {0} waits at least {1} ms")
    @CsvSource({"104, 600000", "105, 300000", "15, 0", "6, 0", "3, 0"})
    void onlyLoginLimitsImposeAMinimumWait(int code, long millis) {
        assertThat(ErrorCodePolicy.of(code).minimumWaitMillis()).isEqualTo(millis);
    }
}
