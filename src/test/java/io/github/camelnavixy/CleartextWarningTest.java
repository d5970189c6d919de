package io.github.camelnavixy;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials about to cross the network unencrypted are named in one warning; the secret itself never is. */
class CleartextWarningTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String warning(String uri) {
        return CleartextWarning.message(context.getEndpoint(uri, NavixyEndpoint.class));
    }

    @Test
    void warnsWhenTheApiKeyGoesOverWsToARemoteHost() {
        String message = warning("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=ws://navixy.example.com/v2/event/subscription");
        assertThat(message).contains("not encrypted").contains("API key").contains("ws://navixy.example.com")
                .doesNotContain(KEY);
    }

    @Test
    void warnsWhenThePasswordGoesOverHttp() {
        String message = warning("navixy:state_batch?login=alice&password=hunter22&baseUrl=http://navixy.example.com/v2");
        assertThat(message).contains("password goes to http://navixy.example.com").contains("session hash")
                .doesNotContain("hunter22");
    }

    @Test
    void warnsForAnUpperCaseScheme() {
        assertThat(warning("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=WS://10.1.2.3:8080/v2/event/subscription"))
                .contains("ws://10.1.2.3:8080");
    }

    @Test
    void staysQuietForTls() {
        assertThat(warning("navixy:state_batch?apiKey=" + KEY)).isNull();
        assertThat(warning("navixy:state_batch?login=alice&password=hunter22")).isNull();
    }

    @Test
    void staysQuietForLoopbackHosts() {
        assertThat(warning("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=ws://127.0.0.1:8088/v2/event/subscription")).isNull();
        assertThat(warning("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=ws://localhost:8088/v2/event/subscription")).isNull();
        assertThat(warning("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=ws://[::1]:8088/v2/event/subscription")).isNull();
        assertThat(warning("navixy:state_batch?login=a&password=b&baseUrl=http://127.0.0.1:8088/v2")).isNull();
    }

    @Test
    void logsOneWarningWhenTheConsumerStarts() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple writes to whatever System.err is at the time of each log call
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // 192.0.2.1 (TEST-NET-1) is not loopback and answers nothing; the warning comes before any connect
                    from("navixy:state_batch?apiKey=" + KEY + "&webSocketUrl=ws://192.0.2.1:9/v2/event/subscription"
                            + "&idleTimeout=1s&unsubscribeTimeout=100ms").routeId("cleartext").to("log:ignored");
                }
            });
            context.getRouteController().stopRoute("cleartext");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("not encrypted", -1)).hasSize(2);
        assertThat(log).contains("WARN").doesNotContain(KEY);
    }

    @Test
    void treatsHostNamesThatOnlyLookLocalAsRemote() {
        assertThat(CleartextWarning.isLoopback("localhost.example.com")).isFalse();
        assertThat(CleartextWarning.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(CleartextWarning.isLoopback("127.8.9.10")).isTrue();
    }
}
