package io.github.camelnavixy.springboot;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.NavixyConfiguration;
import io.github.camelnavixy.subscription.StateFormat;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How camel.component.navixy.* reaches the component, without a server: the component's options are inspected. */
class ComponentOptionsFromPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    NavixyComponentAutoConfiguration.class));

    @Test
    void appliesCredentialsAndBaseUrl() {
        runner.withPropertyValues(
                "camel.component.navixy.api-key=0123456789abcdef0123456789abcdef",
                "camel.component.navixy.base-url=https://api.us.navixy.com/v2")
            .run(context -> {
                NavixyConfiguration options = navixy(context).getConfiguration();
                assertThat(options.getApiKey()).isEqualTo("0123456789abcdef0123456789abcdef");
                assertThat(options.getBaseUrl()).isEqualTo("https://api.us.navixy.com/v2");
            });
    }

    @Test
    void acceptsCamelCasePropertyNames() {
        runner.withPropertyValues("camel.component.navixy.apiKey=0123456789abcdef0123456789abcdef",
                "camel.component.navixy.baseUrl=https://api.us.navixy.com/v2")
            .run(context -> {
                assertThat(navixy(context).getConfiguration().getApiKey()).isEqualTo("0123456789abcdef0123456789abcdef");
                assertThat(navixy(context).getConfiguration().getBaseUrl()).isEqualTo("https://api.us.navixy.com/v2");
            });
    }

    @Test
    void convertsDurationsEnumsAndNumbers() {
        runner.withPropertyValues(
                "camel.component.navixy.reconnect-delay=5s",
                "camel.component.navixy.idle-timeout=PT2M",
                "camel.component.navixy.ping-interval=1500",
                "camel.component.navixy.rate-limit=10s",
                "camel.component.navixy.format=compact",
                "camel.component.navixy.max-pending-exchanges=50",
                "camel.component.navixy.split-batch=false",
                "camel.component.navixy.flow-id=42")
            .run(context -> {
                NavixyConfiguration options = navixy(context).getConfiguration();
                assertThat(options.getReconnectDelay()).isEqualTo(5000);
                assertThat(options.getIdleTimeout()).isEqualTo(120_000);
                assertThat(options.getPingInterval()).isEqualTo(1500);
                assertThat(options.getRateLimit()).isEqualTo(Duration.ofSeconds(10));
                assertThat(options.getFormat()).isEqualTo(StateFormat.compact);
                assertThat(options.getMaxPendingExchanges()).isEqualTo(50);
                assertThat(options.isSplitBatch()).isFalse();
                assertThat(options.getFlowId()).isEqualTo(42L);
            });
    }

    @Test
    void leavesTheComponentDefaultsAloneWhenNothingIsSet() {
        runner.run(context -> {
            NavixyConfiguration defaults = new NavixyConfiguration();
            NavixyConfiguration options = navixy(context).getConfiguration();
            assertThat(options.getBaseUrl()).isEqualTo(defaults.getBaseUrl());
            assertThat(options.getReconnectDelay()).isEqualTo(defaults.getReconnectDelay());
            assertThat(options.getApiKey()).isNull();
        });
    }

    @Test
    void resolvesSslContextParametersBeanReference() {
        SSLContextParameters tls = new SSLContextParameters();
        runner.withBean("navixyTls", SSLContextParameters.class, () -> tls)
            .withPropertyValues("camel.component.navixy.ssl-context-parameters=#bean:navixyTls")
            .run(context -> assertThat(navixy(context).getConfiguration().getSslContextParameters()).isSameAs(tls));
    }

    @Test
    void appliesOptionsOnTopOfAConfigurationBean() {
        NavixyConfiguration shared = new NavixyConfiguration();
        shared.setTrackers("1001,1002");
        runner.withBean("navixyDefaults", NavixyConfiguration.class, () -> shared)
            .withPropertyValues("camel.component.navixy.configuration=#navixyDefaults",
                    "camel.component.navixy.api-key=0123456789abcdef0123456789abcdef")
            .run(context -> {
                NavixyConfiguration options = navixy(context).getConfiguration();
                assertThat(options).isSameAs(shared);
                assertThat(options.getTrackers()).isEqualTo("1001,1002");
                assertThat(options.getApiKey()).isEqualTo("0123456789abcdef0123456789abcdef");
            });
    }

    @Test
    void resolvesVertxBeanReference() {
        Vertx vertx = Vertx.vertx();
        try {
            runner.withBean("navixyVertx", Vertx.class, () -> vertx)
                .withPropertyValues("camel.component.navixy.vertx=#bean:navixyVertx")
                .run(context -> assertThat(navixy(context).getVertx()).isSameAs(vertx));
        } finally {
            vertx.close();
        }
    }

    @Test
    void leavesOtherComponentsOfTheSameClassAlone() {
        runner.withBean("navixyUs", NavixyComponent.class, NavixyComponent::new)
            .withPropertyValues("camel.component.navixy.api-key=0123456789abcdef0123456789abcdef")
            .run(context -> {
                CamelContext camel = context.getBean(CamelContext.class);
                assertThat(navixy(context).getConfiguration().getApiKey()).isNotNull();
                assertThat(camel.getComponent("navixyUs", NavixyComponent.class).getConfiguration().getApiKey()).isNull();
            });
    }

    @Test
    void rejectsAPlainStringForABeanOption() {
        runner.withPropertyValues("camel.component.navixy.ssl-context-parameters=tls")
            .run(context -> assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Expected a bean reference such as #bean:name"));
    }

    @Test
    void configuresNothingWhenDisabled() {
        runner.withPropertyValues("camel.component.navixy.enabled=false",
                "camel.component.navixy.api-key=0123456789abcdef0123456789abcdef")
            .run(context -> {
                assertThat(context).doesNotHaveBean(NavixyComponentProperties.class);
                assertThat(navixy(context).getConfiguration().getApiKey()).isNull();
            });
    }

    private static NavixyComponent navixy(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("navixy", NavixyComponent.class);
    }
}
