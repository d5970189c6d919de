package io.github.camelnavixy;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A URI that cannot work against Navixy fails when the endpoint is created, saying what to write instead. */
class EndpointUriValidationTest {

    private static final String KEY = "apiKey=0123456789abcdef0123456789abcdef";
    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private String rejection(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return String.valueOf(e.getMessage());
    }

    @Test
    void acceptsAValidStateBatchUri() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state_batch,readings_batch?" + KEY + "&rateLimit=5s", NavixyEndpoint.class);
        assertThat(endpoint.getPlan().eventTypesText()).isEqualTo("state_batch,readings_batch");
        assertThat(endpoint.getResolvedWebSocketUrl()).isEqualTo("wss://api.eu.navixy.com/v2/event/subscription");
    }

    @Test
    void rejectsAnUnknownEventType() {
        assertThat(rejection("navixy:states?" + KEY)).contains("states").contains("state_batch");
    }

    @Test
    void rejectsAnEventTypeGivenTwice() {
        assertThat(rejection("navixy:state_batch,state_batch?" + KEY)).contains("twice");
    }

    @Test
    void rejectsAMissingEventType() {
        assertThat(rejection("navixy:?" + KEY)).contains("event type");
    }

    @Test
    void rejectsMissingCredentials() {
        assertThat(rejection("navixy:state_batch")).contains("apiKey=");
    }

    @Test
    void rejectsAReconnectDelayBelow100msAndSaysWhatToWrite() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&reconnectDelay=0"))
                .contains("reconnectDelay must be at least 100ms").contains("reconnectDelay=1s");
        assertThat(rejection("navixy:state_batch?" + KEY + "&reconnectDelay=99ms")).contains("at least 100ms");
    }

    @Test
    void rejectsApiKeyTogetherWithLogin() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&login=me&password=secret")).contains("keep one");
    }

    @Test
    void rejectsLoginWithoutPassword() {
        assertThat(rejection("navixy:state_batch?login=me")).contains("password=");
    }

    @Test
    void rejectsStateForAllTrackersAndSuggestsStateBatch() {
        assertThat(rejection("navixy:state?" + KEY)).contains("state_batch").contains("trackers=");
    }

    @Test
    void rejectsIotMonitorForAllTrackers() {
        assertThat(rejection("navixy:iot_monitor?" + KEY)).contains("trackers=");
    }

    @Test
    void rejectsIotMonitorWithMoreThanTenTrackers() {
        assertThat(rejection("navixy:iot_monitor?" + KEY + "&trackers=1,2,3,4,5,6,7,8,9,10,11")).contains("at most 10");
    }

    @Test
    void rejectsATrackerIdThatIsNotAPositiveWholeNumber() {
        assertThat(rejection("navixy:state?" + KEY + "&trackers=1001,abc")).contains("'abc'");
        assertThat(rejection("navixy:state?" + KEY + "&trackers=-5")).contains("'-5'");
    }

    @Test
    void rejectsFormatWithOnlyReadingsBatch() {
        assertThat(rejection("navixy:readings_batch?" + KEY + "&format=compact")).contains("format");
    }

    @Test
    void rejectsSensorTypeWithoutReadingsBatch() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&sensorType=temperature")).contains("readings_batch");
    }

    @Test
    void rejectsRateLimitWithOnlyState() {
        assertThat(rejection("navixy:state?" + KEY + "&trackers=1&rateLimit=5s")).contains("state_batch");
    }

    @Test
    void rejectsFlowIdWithoutIotMonitor() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&flowId=7")).contains("iot_monitor");
    }

    @Test
    void rejectsARateLimitThatIsNotPositive() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&rateLimit=0")).contains("positive");
    }

    @Test
    void rejectsASubSecondRateLimitAndSuggestsWholeSeconds() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&rateLimit=1500")).contains("whole number of seconds", "rateLimit=2s");
    }

    @Test
    void rejectsIncludeComponentsWithoutReadingsBatch() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&includeComponents=true")).contains("includeComponents", "readings_batch");
    }

    @Test
    void rejectsAWebSocketUrlWithAnotherScheme() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&webSocketUrl=ftp://example.com/x")).contains("wss://");
    }

    @Test
    void rejectsABaseUrlWithAnotherScheme() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&baseUrl=file:/tmp")).contains("https://");
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&rateLimits=5s")).contains("rateLimits");
    }

    @Test
    void derivesTheWebSocketUrlFromAPlainHttpBaseUrl() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state_batch?" + KEY + "&baseUrl=http://localhost:8080/api/", NavixyEndpoint.class);
        assertThat(endpoint.getResolvedWebSocketUrl()).isEqualTo("ws://localhost:8080/api/event/subscription");
    }

    @Test
    void masksTheApiKeyAndPasswordWhereCamelPrintsTheUri() {
        NavixyEndpoint withKey = context.getEndpoint("navixy:state_batch?" + KEY, NavixyEndpoint.class);
        assertThat(withKey.toString()).doesNotContain("0123456789abcdef0123456789abcdef");
        assertThat(URISupport.sanitizeUri(withKey.getEndpointUri())).doesNotContain("0123456789abcdef0123456789abcdef");
        NavixyEndpoint withLogin = context.getEndpoint("navixy:state_batch?login=me&password=s3cr3tPass", NavixyEndpoint.class);
        assertThat(withLogin.toString()).doesNotContain("s3cr3tPass");
        assertThat(withLogin.getConfiguration().toString()).doesNotContain("s3cr3tPass");
    }

    @Test
    void neverPrintsThePasswordInARejection() {
        assertThat(rejection("navixy:state?login=me&password=s3cr3tPass")).doesNotContain("s3cr3tPass");
    }

    @Test
    void acceptsUpperCaseSchemesAndHandsThemOnInLowerCase() {
        NavixyEndpoint explicit = context.getEndpoint("navixy:state_batch?" + KEY
                + "&webSocketUrl=WSS://api.example.com/v2/Event/Subscription", NavixyEndpoint.class);
        assertThat(explicit.getResolvedWebSocketUrl()).isEqualTo("wss://api.example.com/v2/Event/Subscription");
        NavixyEndpoint derived = context.getEndpoint("navixy:state_batch?" + KEY + "&baseUrl=HTTPS://api.example.com/v2",
                NavixyEndpoint.class);
        assertThat(derived.getResolvedWebSocketUrl()).isEqualTo("wss://api.example.com/v2/event/subscription");
        assertThat(ServiceUrls.baseUrl("Https://api.example.com/v2")).isEqualTo("https://api.example.com/v2");
    }

    @Test
    void acceptsAProxy() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state_batch?" + KEY + "&proxyHost=proxy.example.com"
                + "&proxyPort=1080&proxyType=SOCKS5&proxyUsername=camel&proxyPassword=pr0xyPass", NavixyEndpoint.class);
        assertThat(endpoint.getConfiguration().getProxyType()).isEqualTo(ProxyType.SOCKS5);
        assertThat(endpoint.getConfiguration().getProxyPort()).isEqualTo(1080);
    }

    @Test
    void rejectsAProxyHostWithoutPort() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyHost=proxy.example.com")).contains("proxyPort=3128");
    }

    @Test
    void rejectsAProxyPortWithoutHost() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyPort=3128")).contains("proxyHost=");
    }

    @Test
    void rejectsAProxyPortOutOfRange() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyHost=p&proxyPort=70000")).contains("1 to 65535");
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyHost=p&proxyPort=0")).contains("1 to 65535");
    }

    @Test
    void rejectsProxyCredentialsWithoutAProxy() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyUsername=u&proxyPassword=pr0xyPass"))
                .contains("proxyHost=").doesNotContain("pr0xyPass");
    }

    @Test
    void rejectsAProxyPasswordWithoutUsername() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyHost=p&proxyPort=3128&proxyPassword=pr0xyPass"))
                .contains("proxyUsername=").doesNotContain("pr0xyPass");
    }

    @Test
    void rejectsAnUnknownProxyType() {
        assertThat(rejection("navixy:state_batch?" + KEY + "&proxyHost=p&proxyPort=3128&proxyType=SOCKS4")).contains("SOCKS4");
    }

    @Test
    void masksTheProxyPasswordWhereCamelPrintsTheUri() {
        NavixyEndpoint endpoint = context.getEndpoint("navixy:state_batch?" + KEY + "&proxyHost=p&proxyPort=3128"
                + "&proxyUsername=camel&proxyPassword=pr0xyPass", NavixyEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("pr0xyPass");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain("pr0xyPass");
    }
}
