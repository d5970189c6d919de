package io.github.camelnavixy.consumer;

import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.junit.jupiter.api.Test;

/** URL schemes are case-insensitive: a WS:// URL connects instead of failing on every attempt. */
class UpperCaseSchemeTest extends SimulatorRouteTestSupport {

    @Test
    void subscribesWithAnUpperCaseWebSocketScheme() throws Exception {
        String url = simulator.webSocketUrl().replaceFirst("^ws://", "WS://");
        route("navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + url);

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(10_000);
    }

    @Test
    void logsInWithAnUpperCaseBaseUrlScheme() throws Exception {
        String base = simulator.baseUrl().replaceFirst("^http://", "HTTP://");
        route("navixy:state_batch?login=" + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_LOGIN
                + "&password=" + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_PASSWORD + "&baseUrl=" + base);

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(10_000);
    }
}
