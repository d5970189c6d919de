package io.github.camelnavixy;

import io.github.camelnavixy.subscription.StateFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A subscription option set on the component is a default for the endpoints whose event types take it; it does not
 * break the endpoints whose types do not. On a URI, the same option is still refused there.
 */
class ComponentSubscriptionOptionsTest {

    private CamelContext context;
    private NavixyComponent component;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        component = new NavixyComponent();
        component.getConfiguration().setApiKey("0123456789abcdef0123456789abcdef");
        component.getConfiguration().setFormat(StateFormat.full);
        component.getConfiguration().setRateLimit(Duration.ofSeconds(5));
        component.getConfiguration().setSensorType("temperature");
        component.getConfiguration().setIncludeComponents(false);
        component.getConfiguration().setFlowId(7L);
        context.addComponent("navixy", component);
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void componentFormatAndRateLimitDoNotBreakAReadingsOnlyEndpoint() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:readings_batch", NavixyEndpoint.class);
        assertThat(endpoint.getPlan().format()).isNull();
        assertThat(endpoint.getPlan().rateLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(endpoint.getPlan().sensorType()).isEqualTo("temperature");
        assertThat(endpoint.getPlan().flowId()).isNull();
    }

    @Test
    void componentRateLimitIsNotAppliedToAStateEndpoint() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state?trackers=1,2", NavixyEndpoint.class);
        assertThat(endpoint.getPlan().rateLimit()).isNull();
        assertThat(endpoint.getPlan().format()).isEqualTo(StateFormat.full);
        assertThat(endpoint.getPlan().includeComponents()).isNull();
    }

    @Test
    void componentOptionsApplyToTheEndpointsThatTakeThem() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state_batch,iot_monitor?trackers=1", NavixyEndpoint.class);
        assertThat(endpoint.getPlan().format()).isEqualTo(StateFormat.full);
        assertThat(endpoint.getPlan().flowId()).isEqualTo(7L);
        assertThat(endpoint.getPlan().sensorType()).isNull();
    }

    @Test
    void theSameOptionOnTheUriIsStillRefused() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("navixy:readings_batch?format=compact"));
        assertThat(e.getMessage()).contains("format applies to");
    }
}
