package io.github.camelnavixy;

import io.github.camelnavixy.subscription.StateFormat;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.time.Duration;

/** Every option of a {@code navixy:} endpoint. The component holds one as the defaults that endpoints copy. */
@UriParams
public class NavixyConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.eu.navixy.com/v2";

    @UriPath(enums = "state,state_batch,readings_batch,iot_monitor")
    @Metadata(required = true)
    private String eventTypes;

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String login;
    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam
    private String webSocketUrl;

    @UriParam(label = "subscription", defaultValue = "all")
    private String trackers = "all";
    @UriParam(label = "subscription", javaType = "java.time.Duration")
    private Duration rateLimit;
    @UriParam(label = "subscription", defaultValue = "full", enums = "full,compact")
    private StateFormat format = StateFormat.full;
    @UriParam(label = "subscription")
    private String sensorType;
    @UriParam(label = "subscription", defaultValue = "true")
    private boolean includeComponents = true;
    @UriParam(label = "subscription")
    private Long flowId;
    @UriParam(label = "subscription", defaultValue = "true")
    private boolean isoDateTime = true;
    @UriParam(label = "consumer,advanced", defaultValue = "UTC")
    private String timeZone = "UTC";

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitBatch = true;
    @UriParam(label = "consumer,advanced", defaultValue = "1000")
    private int maxPendingExchanges = 1000;

    @UriParam(label = "connection", javaType = "java.time.Duration", defaultValue = "1s")
    private long reconnectDelay = 1000;
    @UriParam(label = "connection", javaType = "java.time.Duration", defaultValue = "60s")
    private long reconnectMaxDelay = 60_000;
    @UriParam(label = "connection", defaultValue = "-1")
    private int reconnectMaxAttempts = -1;
    @UriParam(label = "connection", javaType = "java.time.Duration", defaultValue = "30s")
    private long pingInterval = 30_000;
    @UriParam(label = "connection", javaType = "java.time.Duration", defaultValue = "90s")
    private long idleTimeout = 90_000;
    @UriParam(label = "connection,advanced", javaType = "java.time.Duration", defaultValue = "2s")
    private long unsubscribeTimeout = 2000;
    @UriParam(label = "connection,advanced", defaultValue = "67108864")
    private int maxMessageSize = 64 * 1024 * 1024;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    // --- tracker directory and gap fill (REST) ---
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean trackerDirectory;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "10m")
    private long trackerDirectoryRefresh = 600_000;
    @UriParam(label = "consumer,advanced", defaultValue = "navixyDirectory")
    private String trackerDirectoryBean = "navixyDirectory";
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean gapFill;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "1h")
    private long gapFillMaxAge = 3_600_000;
    @UriParam(label = "consumer,advanced", defaultValue = "5")
    private int gapFillRate = 5;

    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy", defaultValue = "HTTP", enums = "HTTP,SOCKS5")
    private ProxyType proxyType = ProxyType.HTTP;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * The event types to subscribe to, comma-separated: state, state_batch, readings_batch, iot_monitor. lifecycle and
     * logout events come without subscribing and are always delivered.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The hash sent in every request: a Navixy API key (recommended) or a session hash. Use it or login/password. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getLogin() {
        return login;
    }

    /**
     * Instead of apiKey: the Navixy user login. The component obtains a session hash with user/auth, and logs in again
     * once when the session ends.
     */
    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    /** The password for login. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The REST API base of the Navixy installation (EU, US, ME or on-premise), used for user/auth and to derive the WebSocket URL. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getWebSocketUrl() {
        return webSocketUrl;
    }

    /**
     * The full WebSocket URL. Default: baseUrl with http turned into ws and https into wss, plus /event/subscription.
     * Set it for white-label hosts that serve the feed elsewhere.
     */
    public void setWebSocketUrl(String webSocketUrl) {
        this.webSocketUrl = webSocketUrl;
    }

    public String getTrackers() {
        return trackers;
    }

    /** all, or comma-separated tracker ids. state and iot_monitor need explicit ids (iot_monitor at most 10). */
    public void setTrackers(String trackers) {
        this.trackers = trackers;
    }

    public Duration getRateLimit() {
        return rateLimit;
    }

    /**
     * The batching timespan for state_batch, readings_batch and iot_monitor, in whole seconds (5s, 1m, PT5S, 5000);
     * sent as "5s". When not set, the server's default applies.
     */
    public void setRateLimit(Duration rateLimit) {
        this.rateLimit = rateLimit;
    }

    public StateFormat getFormat() {
        return format;
    }

    /** full or compact tracker states, for state and state_batch. */
    public void setFormat(StateFormat format) {
        this.format = format;
    }

    public String getSensorType() {
        return sensorType;
    }

    /** Only readings of this metering or virtual sensor type, for readings_batch (states and counters are then left out). */
    public void setSensorType(String sensorType) {
        this.sensorType = sensorType;
    }

    public boolean isIncludeComponents() {
        return includeComponents;
    }

    /** Whether readings_batch includes the parts of composite sensors. */
    public void setIncludeComponents(boolean includeComponents) {
        this.includeComponents = includeComponents;
    }

    public Long getFlowId() {
        return flowId;
    }

    /** The IoT Logic flow for iot_monitor. */
    public void setFlowId(Long flowId) {
        this.flowId = flowId;
    }

    public boolean isIsoDateTime() {
        return isoDateTime;
    }

    /** Ask the server for ISO-8601 timestamps with offset; false gives yyyy-MM-dd HH:mm:ss in the user's timezone. */
    public void setIsoDateTime(boolean isoDateTime) {
        this.isoDateTime = isoDateTime;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /**
     * The zone of timestamps that come without an offset (only with isoDateTime=false): set it to the Navixy user's
     * timezone, e.g. Europe/Berlin.
     */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isSplitBatch() {
        return splitBatch;
    }

    /** One Exchange per item of a batch event; false: one Exchange per event with a List body. */
    public void setSplitBatch(boolean splitBatch) {
        this.splitBatch = splitBatch;
    }

    public int getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    /**
     * How many received items may wait for the route before the consumer stops reading from the socket. Bounds memory
     * when the route is slower than the feed; reading resumes when half of them are done.
     */
    public void setMaxPendingExchanges(int maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    /**
     * The first reconnect delay, at least 100ms; it doubles with every failed attempt up to reconnectMaxDelay, with
     * jitter. Failures are forgotten once a subscription has lasted max(30s, reconnectMaxDelay).
     */
    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** The longest reconnect delay. */
    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public int getReconnectMaxAttempts() {
        return reconnectMaxAttempts;
    }

    /** How many consecutive failed attempts before giving up; -1 = retry forever. */
    public void setReconnectMaxAttempts(int reconnectMaxAttempts) {
        this.reconnectMaxAttempts = reconnectMaxAttempts;
    }

    public long getPingInterval() {
        return pingInterval;
    }

    /** The period of WebSocket pings that prove the link is alive; 0 = no pings. */
    public void setPingInterval(long pingInterval) {
        this.pingInterval = pingInterval;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /** Nothing received for this long means the connection is dead and is replaced; 0 = never. */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public long getUnsubscribeTimeout() {
        return unsubscribeTimeout;
    }

    /** How long stopping waits for the server to answer the unsubscribe action before closing. */
    public void setUnsubscribeTimeout(long unsubscribeTimeout) {
        this.unsubscribeTimeout = unsubscribeTimeout;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /** The largest accepted message in bytes; a first full state_batch of a big fleet is large. */
    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings for wss and https: key and trust stores (resources such as classpath: or file: are resolved by the
     * CamelContext), secureSocketProtocols and cipherSuites. Certificate chain and host name are always verified.
     * Settings Vert.x cannot take (provider, secureRandom, sessionTimeout, protocol and cipher suite filters) fail the
     * start with a message saying what to write instead.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** The proxy to reach Navixy through, for the WebSocket and for user/auth. Needs proxyPort. Default: no proxy. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The port of the proxy (1-65535), e.g. 3128 for an HTTP proxy or 1080 for SOCKS5. Needs proxyHost. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public ProxyType getProxyType() {
        return proxyType;
    }

    /** HTTP (a CONNECT tunnel) or SOCKS5. */
    public void setProxyType(ProxyType proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** The user name for the proxy, if it wants one (HTTP: Basic Proxy-Authorization). Needs proxyPassword. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** The password for proxyUsername. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public boolean isTrackerDirectory() {
        return trackerDirectory;
    }

    /**
     * Load the account's trackers with REST tracker/list (same hash and HTTP settings as user/auth) before
     * subscribing, and keep them fresh: state and lifecycle Exchanges then also carry CamelNavixyTrackerId,
     * CamelNavixyTrackerLabel and CamelNavixyGroupId, readings and iot_monitor Exchanges CamelNavixySourceId and the
     * label. The directory is bound in the registry under trackerDirectoryBean. A failed load never stops the feed.
     */
    public void setTrackerDirectory(boolean trackerDirectory) {
        this.trackerDirectory = trackerDirectory;
    }

    public long getTrackerDirectoryRefresh() {
        return trackerDirectoryRefresh;
    }

    /**
     * How often the tracker directory is reloaded. It is also reloaded at once after a lifecycle event or a
     * subscribe response naming an unknown tracker, and (at most every 5s) after an event from an unknown source.
     */
    public void setTrackerDirectoryRefresh(long trackerDirectoryRefresh) {
        this.trackerDirectoryRefresh = trackerDirectoryRefresh;
    }

    public String getTrackerDirectoryBean() {
        return trackerDirectoryBean;
    }

    /**
     * The registry name the consumer binds its NavixyTrackerDirectory under, so that routes can ask it (e.g. its label
     * method with the CamelNavixySourceId header). Give each consumer its own name.
     */
    public void setTrackerDirectoryBean(String trackerDirectoryBean) {
        this.trackerDirectoryBean = trackerDirectoryBean;
    }

    public boolean isGapFill() {
        return gapFill;
    }

    /**
     * After a reconnect, read the track each tracker drove while the feed was down (REST track/read) and deliver its
     * points as track_point Exchanges with CamelNavixyReplay=true. Needs state or state_batch and
     * trackerDirectory=true. The live feed is not held back meanwhile.
     */
    public void setGapFill(boolean gapFill) {
        this.gapFill = gapFill;
    }

    public long getGapFillMaxAge() {
        return gapFillMaxAge;
    }

    /** Gaps longer than this are not filled (at most 24h, one track/read per gap). */
    public void setGapFillMaxAge(long gapFillMaxAge) {
        this.gapFillMaxAge = gapFillMaxAge;
    }

    public int getGapFillRate() {
        return gapFillRate;
    }

    /** The most track/read requests per second gap fill makes (Navixy allows 50 per second per user in all; at most 25). */
    public void setGapFillRate(int gapFillRate) {
        this.gapFillRate = gapFillRate;
    }

    /** A copy for an endpoint, so endpoint options never change the component's defaults. */
    public NavixyConfiguration copy() {
        try {
            return (NavixyConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Secrets are masked: this string may end up in logs. */
    @Override
    public String toString() {
        return "NavixyConfiguration[eventTypes=" + eventTypes + ", trackers=" + trackers + ", webSocketUrl="
                + webSocketUrl + ", baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", login=" + login
                + ", password=" + mask(password) + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort
                + ", proxyType=" + proxyType + ", proxyUsername=" + mask(proxyUsername) + ", proxyPassword="
                + mask(proxyPassword) + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "xxxxxx";
    }
}
