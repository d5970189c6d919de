package io.github.camelnavixy.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full run through the failures a secret could leak through (auth errors, logout, re-login, malformed frames that
 * quote the hash, a refused login), then a look at everything a person or a tool can see: every log line, every
 * reported exception (message, toString, causes), the endpoint and configuration strings, JMX, the dev console (text
 * and JSON) and health details. Neither the API key, the password nor any session hash may appear.
 */
class SecretsNeverShownTest extends SimulatorRouteTestSupport {

    private static final String LOGIN = "fleet-owner@example.test";
    private static final String PASSWORD = "pa55-Very-Secret-w0rd";

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().account(LOGIN, PASSWORD);
    }

    @Override
    protected boolean observable() {
        return true;
    }

    /** Every log line (slf4j-simple writes to the standard streams) is kept as well as printed. */
    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(new Tee(originalErr, logs), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, logs), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void anApiKeyRunThroughFailuresShowsTheKeyNowhere() throws Exception {
        String key = simulator.apiKey();
        route(navixy("state_batch", "reconnectDelay=100ms"));
        awaitSubscribed();
        simulator.sendRaw("{\"type\":\"event\",\"event\":\"state_batch\",\"hash\":\"" + key + "\",\"data\":[{broken");
        simulator.sendRaw("{\"action\":\"subscribe\",\"hash\":\"" + key + "\",\"type\":\"error\",\"data\":{\"code\":7,"
                + "\"description\":\"bad " + key + "\"}}");
        simulator.failNextSubscribes(1, 6);
        simulator.dropConnections();
        awaitSubscribed();
        simulator.logout(); // an API key cannot log in again: the consumer gives up and says so
        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.FAILED);
        await().atMost(10, TimeUnit.SECONDS).until(() -> errors.errors().size() >= 3);

        assertShownNowhere(Set.of(key));
    }

    @Test
    void aLoginRunThroughLogoutAndARefusedLoginShowsNeitherPasswordNorSessionHash() throws Exception {
        route("navixy:state_batch?login=" + LOGIN + "&password=" + PASSWORD + "&baseUrl=" + simulator.baseUrl()
                + "&webSocketUrl=" + simulator.webSocketUrl() + "&exceptionHandler=#recordingErrors&reconnectDelay=100ms");
        awaitSubscribed();
        String firstHash = sessionHashes().iterator().next();
        simulator.sendRaw("{\"type\":\"event\",\"event\":\"state_batch\",\"hash\":\"" + firstHash + "\",\"data\":[{broken");
        simulator.logout(); // the session ends: one new login, a new hash, a new subscription
        await().atMost(20, TimeUnit.SECONDS).until(() -> sessionHashes().size() >= 2
                && navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
        simulator.failNextLogins(5, 102); // wrong login or password from now on
        simulator.logout();
        await().atMost(30, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.FAILED);

        Set<String> secrets = new LinkedHashSet<>(sessionHashes());
        secrets.add(PASSWORD);
        assertShownNowhere(secrets);
    }

    private void awaitSubscribed() {
        await().atMost(20, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
    }

    /** The hashes the consumer actually used on the wire (session hashes from user/auth, or the key). */
    private Set<String> sessionHashes() {
        Set<String> hashes = new LinkedHashSet<>();
        for (JsonNode request : simulator.receivedRequests()) {
            if (request.hasNonNull("hash")) {
                hashes.add(request.get("hash").asText());
            }
        }
        return hashes;
    }

    private void assertShownNowhere(Set<String> secrets) throws Exception {
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        StringBuilder seen = new StringBuilder();
        seen.append(logs.toString(StandardCharsets.UTF_8)).append('\n');
        for (Throwable error : errors.errors()) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                seen.append(t).append('\n').append(t.getMessage()).append('\n');
            }
        }
        seen.append(String.join("\n", errors.messages())).append('\n');
        // Camel keeps the raw URI internally and prints it sanitised (toString, logs, JMX, consoles): that is checked.
        seen.append(org.apache.camel.util.URISupport.sanitizeUri(context.getRoute("navixy").getEndpoint().getEndpointUri())).append('\n');
        seen.append(context.getRoute("navixy").getEndpoint()).append('\n');
        seen.append(navixyConsumer().getEndpoint().getConfiguration()).append('\n');
        seen.append(navixyConsumer()).append('\n');
        seen.append(navixyConsumer().getConnectionSnapshot()).append('\n');
        seen.append(navixyConsumer().getLastError()).append('\n');

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        int attributes = 0;
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    seen.append(name).append(' ').append(attribute.getName()).append('=')
                            .append(server.getAttribute(name, attribute.getName())).append('\n');
                    attributes++;
                } catch (Exception e) {
                    // some attributes cannot be read in this state; what can be read is checked
                }
            }
        }
        assertThat(attributes).isPositive();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("navixy");
        seen.append(console.call(DevConsole.MediaType.TEXT)).append('\n');
        seen.append(console.call(DevConsole.MediaType.JSON)).append('\n');
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            seen.append(result.getMessage().orElse("")).append(result.getDetails()).append('\n');
            result.getError().ifPresent(e -> seen.append(e).append('\n'));
        }

        String everything = seen.toString();
        for (String line : everything.split("\n")) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    originalErr.println("SECRET SHOWN: " + line);
                }
            }
        }
        assertThat(everything).contains("navixy"); // we did capture something meaningful
        for (String secret : secrets) {
            assertThat(everything).as("a secret shown somewhere").doesNotContain(secret);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
