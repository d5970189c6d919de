package io.github.camelnavixy.springboot;

import io.github.camelnavixy.NavixyConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import java.util.Set;

/**
 * Lets bean-typed options name a bean of the application: {@code camel.component.navixy.ssl-context-parameters=#bean:tls}
 * (Camel's spelling) or {@code =#tls}. Registered for configuration-properties binding only.
 */
public class NavixyBeanReferenceConverter implements GenericConverter {

    private static final String BEAN_PREFIX = "#bean:";

    private final BeanFactory beanFactory;

    public NavixyBeanReferenceConverter(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, NavixyConfiguration.class),
                new ConvertiblePair(String.class, Vertx.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        String name;
        if (reference.startsWith(BEAN_PREFIX)) {
            name = reference.substring(BEAN_PREFIX.length());
        } else if (reference.startsWith("#")) {
            name = reference.substring(1);
        } else {
            throw new IllegalArgumentException("Expected a bean reference such as #bean:name for a "
                    + targetType.getType().getSimpleName() + ", got: " + reference);
        }
        return beanFactory.getBean(name, targetType.getType());
    }
}
