package io.github.camelnavixy;

import io.github.camelnavixy.subscription.EventType;
import io.github.camelnavixy.subscription.SubscriptionOption;
import io.github.camelnavixy.subscription.SubscriptionPlan;
import io.github.camelnavixy.subscription.SubscriptionPlanParser;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Consume Navixy real-time tracker events (states, readings, IoT monitor values) from the Navixy WebSocket feed.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "navixy", title = "Navixy", syntax = "navixy:eventTypes",
             category = { Category.IOT, Category.MONITORING }, consumerOnly = true, headersClass = NavixyConstants.class)
public class NavixyEndpoint extends DefaultEndpoint implements EndpointServiceLocation, MultipleConsumersSupport {

    @UriParam
    private NavixyConfiguration configuration;

    private SubscriptionPlan plan;
    private Set<String> uriOptionNames = Set.of();
    private String resolvedWebSocketUrl;
    private ZoneId zone;

    public NavixyEndpoint(String uri, NavixyComponent component, NavixyConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public NavixyComponent getComponent() {
        return (NavixyComponent) super.getComponent();
    }

    public NavixyConfiguration getConfiguration() {
        return configuration;
    }

    /** The subscription this endpoint asks for. */
    public SubscriptionPlan getPlan() {
        return plan;
    }

    /** The WebSocket URL the consumer connects to (without the Atmosphere parameters). */
    public String getResolvedWebSocketUrl() {
        return resolvedWebSocketUrl;
    }

    ZoneId getZone() {
        return zone;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "The navixy component only consumes: use it in from(\"navixy:…\"), not in to(…)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        NavixyConsumer consumer = new NavixyConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The shortest first reconnect delay accepted. */
    static final long MIN_RECONNECT_DELAY_MILLIS = 100;

    /**
     * Checks every option together and computes what the consumer needs. Each failure says what to write instead.
     *
     * @throws IllegalArgumentException when the options cannot work against Navixy
     */
    void validate() {
        NavixyConfiguration c = configuration;
        List<EventType> types = SubscriptionPlanParser.eventTypesOrEmpty(c.getEventTypes());
        plan = SubscriptionPlanParser.parse(c.getEventTypes(), c.getTrackers(),
                applicable(SubscriptionOption.RATE_LIMIT, types, c.getRateLimit()),
                applicable(SubscriptionOption.FORMAT, types, c.getFormat()),
                applicable(SubscriptionOption.SENSOR_TYPE, types, c.getSensorType()),
                applicable(SubscriptionOption.INCLUDE_COMPONENTS, types, c.isIncludeComponents()),
                applicable(SubscriptionOption.FLOW_ID, types, c.getFlowId()), c.isIsoDateTime());
        checkCredentials(c);
        resolvedWebSocketUrl = ServiceUrls.webSocketUrl(c.getBaseUrl(), c.getWebSocketUrl());
        if (c.getLogin() != null) {
            ServiceUrls.baseUrl(c.getBaseUrl());
        }
        zone = zone(c.getTimeZone());
        checkProxy(c);
        requirePositive("maxPendingExchanges", c.getMaxPendingExchanges(), "maxPendingExchanges=1000");
        requirePositive("maxMessageSize", c.getMaxMessageSize(), "maxMessageSize=67108864");
        if (c.getReconnectDelay() < MIN_RECONNECT_DELAY_MILLIS) {
            // 0 would reconnect in a tight loop against a server that is down.
            throw new IllegalArgumentException("reconnectDelay must be at least " + MIN_RECONNECT_DELAY_MILLIS
                    + "ms: write reconnectDelay=1s");
        }
        requireNotNegative("reconnectMaxDelay", c.getReconnectMaxDelay(), "reconnectMaxDelay=60s");
        requireNotNegative("pingInterval", c.getPingInterval(), "pingInterval=30s (0 turns pings off)");
        requireNotNegative("idleTimeout", c.getIdleTimeout(), "idleTimeout=90s (0 turns it off)");
        requireNotNegative("unsubscribeTimeout", c.getUnsubscribeTimeout(), "unsubscribeTimeout=2s");
        RestOptionsCheck.validate(c, types);
        if (c.getReconnectMaxAttempts() < -1 || c.getReconnectMaxAttempts() == 0) {
            throw new IllegalArgumentException("reconnectMaxAttempts=" + c.getReconnectMaxAttempts()
                    + " allows no attempt: write a positive count, or reconnectMaxAttempts=-1 to retry forever");
        }
    }

    /**
     * The value of a subscription option for these event types: passed on when they take it or when the URI names it
     * (the parser then refuses it, saying why); {@code null} when it is a component-wide default they do not take.
     */
    private <T> T applicable(SubscriptionOption option, List<EventType> types, T value) {
        if (types.isEmpty() || option.takenByAnyOf(types) || uriOptionNames.contains(option.optionName().toLowerCase(Locale.ROOT))) {
            return value;
        }
        return null;
    }

    /** The option names the endpoint URI gives (as opposed to component-wide defaults). */
    void setUriOptionNames(Collection<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        uriOptionNames = lower;
    }

    private static void checkCredentials(NavixyConfiguration c) {
        boolean apiKey = notBlank(c.getApiKey());
        boolean login = notBlank(c.getLogin());
        boolean password = notBlank(c.getPassword());
        if (apiKey && (login || password)) {
            throw new IllegalArgumentException(
                    "Both apiKey and login/password are set: keep one of them (apiKey is recommended, it never expires)");
        }
        if (!apiKey && !login && !password) {
            throw new IllegalArgumentException("No credentials: add apiKey=<your Navixy API key> (or login=<user>&password=<password>),"
                    + " e.g. apiKey={{navixy.apiKey}}");
        }
        if (login && !password) {
            throw new IllegalArgumentException("login is set without password: add password=<password>, or use apiKey instead");
        }
        if (password && !login) {
            throw new IllegalArgumentException("password is set without login: add login=<user>, or use apiKey instead");
        }
    }

    private static void checkProxy(NavixyConfiguration c) {
        boolean host = notBlank(c.getProxyHost());
        Integer port = c.getProxyPort();
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("proxyPort=" + port + " is not a port: write a number from 1 to 65535,"
                    + " e.g. proxyPort=3128");
        }
        if (host && port == null) {
            throw new IllegalArgumentException("proxyHost is set without proxyPort: add proxyPort=<port>, e.g. proxyPort=3128"
                    + " for an HTTP proxy or proxyPort=1080 for SOCKS5");
        }
        if (!host && port != null) {
            throw new IllegalArgumentException("proxyPort is set without proxyHost: add proxyHost=<proxy host name>");
        }
        boolean user = notBlank(c.getProxyUsername());
        boolean password = notBlank(c.getProxyPassword());
        if ((user || password) && !host) {
            throw new IllegalArgumentException("proxyUsername/proxyPassword are set without a proxy: add proxyHost=<host>"
                    + "&proxyPort=<port>, or remove them");
        }
        if (user != password) {
            throw new IllegalArgumentException(user
                    ? "proxyUsername is set without proxyPassword: add proxyPassword=<password>"
                    : "proxyPassword is set without proxyUsername: add proxyUsername=<user>");
        }
        if (host && c.getProxyType() == null) {
            throw new IllegalArgumentException("proxyType is empty: write proxyType=HTTP or proxyType=SOCKS5");
        }
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone='" + timeZone + "' is not a time zone: write e.g. timeZone=Europe/Berlin or timeZone=UTC");
        }
    }

    private static void requirePositive(String option, long value, String example) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + "=" + value + " must be positive: write e.g. " + example);
        }
    }

    private static void requireNotNegative(String option, long value, String example) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative: write e.g. " + example);
        }
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    /** Each route consuming the same URI gets its own connection and subscription. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public String getServiceUrl() {
        return resolvedWebSocketUrl;
    }

    @Override
    public String getServiceProtocol() {
        return "websocket";
    }
}
