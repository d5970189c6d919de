package io.github.camelnavixy.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Configures Camel's {@code navixy} component from {@code camel.component.navixy.*}. Runs after Camel's own
 * auto-configuration (it needs the CamelContext); switched off with {@code camel.component.navixy.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = NavixyComponentProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(NavixyComponentProperties.class)
public class NavixyComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer navixyComponentCustomizer(NavixyComponentProperties properties) {
        return new NavixyPropertiesCustomizer(properties);
    }

    /** Static: converters for property binding are needed before this configuration class is instantiated. */
    @Bean
    @ConfigurationPropertiesBinding
    public static NavixyBeanReferenceConverter navixyBeanReferenceConverter(BeanFactory beanFactory) {
        return new NavixyBeanReferenceConverter(beanFactory);
    }
}
