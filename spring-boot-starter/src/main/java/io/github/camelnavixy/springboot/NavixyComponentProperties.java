package io.github.camelnavixy.springboot;

import io.github.camelnavixy.ProxyType;
import io.github.camelnavixy.NavixyConfiguration;
import io.github.camelnavixy.subscription.StateFormat;
import io.vertx.core.Vertx;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Every option of the {@code navixy} component, bound from {@code camel.component.navixy.*}. The field comments are
 * the component's option descriptions (the configuration processor turns them into IDE completion); a test compares
 * names, types and descriptions with the component's own metadata so the two cannot drift apart.
 *
 * <p>Every option is {@code null} until the application sets it: only what the application sets is applied, so the
 * component's own defaults (and a {@code configuration} bean) are never overwritten by defaults repeated here. The
 * defaults shown in the IDE come from {@code META-INF/additional-spring-configuration-metadata.json}.
 *
 * <p>Durations accept {@code 5s}, {@code 1m}, {@code PT5S} and plain milliseconds. Bean-typed options take a reference
 * to a bean of the application: {@code #bean:name} (or {@code #name}).
 */
@ConfigurationProperties(prefix = NavixyComponentProperties.PREFIX)
public class NavixyComponentProperties {

    public static final String PREFIX = "camel.component.navixy";

    /**
     * Whether this starter configures the navixy component from camel.component.navixy.* (the component itself is
     * available either way).
     */
    private boolean enabled = true;

    /** The hash sent in every request: a Navixy API key (recommended) or a session hash. Use it or login/password. */
    private String apiKey;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into
     * the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;
    /**
     * The REST API base of the Navixy installation (EU, US, ME or on-premise), used for user/auth and to derive the
     * WebSocket URL.
     */
    private String baseUrl;
    /**
     * The default options for every endpoint of this component. A reference to a bean of the application:
     * #bean:name.
     */
    private NavixyConfiguration configuration;
    /** The IoT Logic flow for iot_monitor. */
    private Long flowId;
    /** full or compact tracker states, for state and state_batch. Default: full (the server's default). */
    private StateFormat format;
    /**
     * After a reconnect, read the track each tracker drove while the feed was down (REST track/read) and deliver its
     * points as track_point Exchanges with CamelNavixyReplay=true. Needs state or state_batch and
     * trackerDirectory=true. The live feed is not held back meanwhile.
     */
    private Boolean gapFill;
    /** Gaps longer than this are not filled (at most 24h, one track/read per gap). */
    private Duration gapFillMaxAge;
    /** The most track/read requests per second gap fill makes (Navixy allows 50 per second per user in all; at most 25). */
    private Integer gapFillRate;
    /** Used for enabling or disabling all consumer based health checks from this component */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;
    /** Nothing received for this long means the connection is dead and is replaced; 0 = never. */
    private Duration idleTimeout;
    /** Whether readings_batch includes the parts of composite sensors. Default: the server's (true). */
    private Boolean includeComponents;
    /**
     * Ask the server for ISO-8601 timestamps with offset; false gives yyyy-MM-dd HH:mm:ss in the user's timezone.
     */
    private Boolean isoDateTime;
    /**
     * Instead of apiKey: the Navixy user login. The component obtains a session hash with user/auth, and logs in again
     * once when the session ends.
     */
    private String login;
    /** The largest accepted message in bytes; a first full state_batch of a big fleet is large. */
    private Integer maxMessageSize;
    /**
     * How many received items may wait for the route before the consumer stops reading from the socket. Bounds memory
     * when the route is slower than the feed; reading resumes when half of them are done.
     */
    private Integer maxPendingExchanges;
    /** The password for login. */
    private String password;
    /** The period of WebSocket pings that prove the link is alive; 0 = no pings. */
    private Duration pingInterval;
    /** The proxy to reach Navixy through, for the WebSocket and for user/auth. Needs proxyPort. Default: no proxy. */
    private String proxyHost;
    /** The port of the proxy (1-65535), e.g. 3128 for an HTTP proxy or 1080 for SOCKS5. Needs proxyHost. */
    private Integer proxyPort;
    /** HTTP (a CONNECT tunnel) or SOCKS5. */
    private ProxyType proxyType;
    /** The user name for the proxy, if it wants one (HTTP: Basic Proxy-Authorization). Needs proxyPassword. */
    private String proxyUsername;
    /** The password for proxyUsername. */
    private String proxyPassword;
    /**
     * The batching timespan for state_batch, readings_batch and iot_monitor, in whole seconds (5s, 1m, PT5S, 5000);
     * sent as 5s. When not set, the server's default applies.
     */
    private Duration rateLimit;
    /**
     * The first reconnect delay, at least 100ms; it doubles with every failed attempt up to reconnectMaxDelay, with
     * jitter. Failures are forgotten once a subscription has lasted max(30s, reconnectMaxDelay).
     */
    private Duration reconnectDelay;
    /** How many consecutive failed attempts before giving up; -1 = retry forever. */
    private Integer reconnectMaxAttempts;
    /** The longest reconnect delay. */
    private Duration reconnectMaxDelay;
    /**
     * Only readings of this metering or virtual sensor type, for readings_batch (states and counters are then left
     * out).
     */
    private String sensorType;
    /** One Exchange per item of a batch event; false: one Exchange per event with a List body. */
    private Boolean splitBatch;
    /**
     * TLS settings for wss and https: key and trust stores (resources such as classpath: or file: are resolved by the
     * CamelContext), secureSocketProtocols and cipherSuites. Certificate chain and host name are always verified.
     * Settings Vert.x cannot take (provider, secureRandom, sessionTimeout, protocol and cipher suite filters) fail the
     * start with a message saying what to write instead. A reference to a bean of the application: #bean:name.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * The zone of timestamps that come without an offset (only with isoDateTime=false): set it to the Navixy user's
     * timezone, e.g. Europe/Berlin.
     */
    private String timeZone;
    /**
     * Load the account's trackers with REST tracker/list (same hash and HTTP settings as user/auth) before
     * subscribing, and keep them fresh: state and lifecycle Exchanges then also carry CamelNavixyTrackerId,
     * CamelNavixyTrackerLabel and CamelNavixyGroupId, readings and iot_monitor Exchanges CamelNavixySourceId and the
     * label. The directory is bound in the registry under trackerDirectoryBean. A failed load never stops the feed.
     */
    private Boolean trackerDirectory;
    /**
     * The registry name the consumer binds its NavixyTrackerDirectory under, so that routes can ask it (e.g. its label
     * method with the CamelNavixySourceId header). Give each consumer its own name.
     */
    private String trackerDirectoryBean;
    /**
     * How often the tracker directory is reloaded. It is also reloaded at once after a lifecycle event or a
     * subscribe response naming an unknown tracker, and (at most every 5s) after an event from an unknown source.
     */
    private Duration trackerDirectoryRefresh;
    /** all, or comma-separated tracker ids. state and iot_monitor need explicit ids (iot_monitor at most 10). */
    private String trackers;
    /** How long stopping waits for the server to answer the unsubscribe action before closing. */
    private Duration unsubscribeTimeout;
    /**
     * The Vert.x instance to run on. Default: the single Vertx in the registry, or one the component creates. A
     * reference to a bean of the application: #bean:name.
     */
    private Vertx vertx;
    /**
     * The full WebSocket URL. Default: baseUrl with http turned into ws and https into wss, plus /event/subscription.
     * Set it for white-label hosts that serve the feed elsewhere.
     */
    private String webSocketUrl;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public NavixyConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NavixyConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getFlowId() {
        return flowId;
    }

    public void setFlowId(Long flowId) {
        this.flowId = flowId;
    }

    public StateFormat getFormat() {
        return format;
    }

    public void setFormat(StateFormat format) {
        this.format = format;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Boolean getIncludeComponents() {
        return includeComponents;
    }

    public void setIncludeComponents(Boolean includeComponents) {
        this.includeComponents = includeComponents;
    }

    public Boolean getIsoDateTime() {
        return isoDateTime;
    }

    public void setIsoDateTime(Boolean isoDateTime) {
        this.isoDateTime = isoDateTime;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public Integer getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Integer getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    public void setMaxPendingExchanges(Integer maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public ProxyType getProxyType() {
        return proxyType;
    }

    public void setProxyType(ProxyType proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Duration getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Duration rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Integer getReconnectMaxAttempts() {
        return reconnectMaxAttempts;
    }

    public void setReconnectMaxAttempts(Integer reconnectMaxAttempts) {
        this.reconnectMaxAttempts = reconnectMaxAttempts;
    }

    public Duration getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public String getSensorType() {
        return sensorType;
    }

    public void setSensorType(String sensorType) {
        this.sensorType = sensorType;
    }

    public Boolean getSplitBatch() {
        return splitBatch;
    }

    public void setSplitBatch(Boolean splitBatch) {
        this.splitBatch = splitBatch;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getTrackers() {
        return trackers;
    }

    public void setTrackers(String trackers) {
        this.trackers = trackers;
    }

    public Duration getUnsubscribeTimeout() {
        return unsubscribeTimeout;
    }

    public void setUnsubscribeTimeout(Duration unsubscribeTimeout) {
        this.unsubscribeTimeout = unsubscribeTimeout;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public String getWebSocketUrl() {
        return webSocketUrl;
    }

    public void setWebSocketUrl(String webSocketUrl) {
        this.webSocketUrl = webSocketUrl;
    }

    public Boolean getGapFill() {
        return gapFill;
    }

    public void setGapFill(Boolean gapFill) {
        this.gapFill = gapFill;
    }

    public Duration getGapFillMaxAge() {
        return gapFillMaxAge;
    }

    public void setGapFillMaxAge(Duration gapFillMaxAge) {
        this.gapFillMaxAge = gapFillMaxAge;
    }

    public Integer getGapFillRate() {
        return gapFillRate;
    }

    public void setGapFillRate(Integer gapFillRate) {
        this.gapFillRate = gapFillRate;
    }

    public Boolean getTrackerDirectory() {
        return trackerDirectory;
    }

    public void setTrackerDirectory(Boolean trackerDirectory) {
        this.trackerDirectory = trackerDirectory;
    }

    public String getTrackerDirectoryBean() {
        return trackerDirectoryBean;
    }

    public void setTrackerDirectoryBean(String trackerDirectoryBean) {
        this.trackerDirectoryBean = trackerDirectoryBean;
    }

    public Duration getTrackerDirectoryRefresh() {
        return trackerDirectoryRefresh;
    }

    public void setTrackerDirectoryRefresh(Duration trackerDirectoryRefresh) {
        this.trackerDirectoryRefresh = trackerDirectoryRefresh;
    }
}
