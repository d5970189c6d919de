package io.github.camelnavixy.springboot;

import io.github.camelnavixy.NavixyComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the {@code camel.component.navixy.*} options the application has set to the {@code navixy} component when
 * Camel creates it. Options are applied through the component's own (generated) configurer, exactly as Camel applies
 * {@code camel.component.navixy.*} in Camel Main, so conversions and reference lookups behave the same.
 */
public class NavixyPropertiesCustomizer implements ComponentCustomizer {

    static final String COMPONENT_NAME = "navixy";
    /** Applied first: the options after it are set on the configuration it brings. */
    private static final String CONFIGURATION = "configuration";
    /** Properties of the properties class that are switches of the starter, not options of the component. */
    private static final String ENABLED = "enabled";

    private final NavixyComponentProperties properties;

    public NavixyPropertiesCustomizer(NavixyComponentProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        // camel.component.navixy.* names the component "navixy"; other components of the same class (e.g. a second
        // account registered under another name) keep their own configuration.
        return COMPONENT_NAME.equals(name) && target instanceof NavixyComponent;
    }

    @Override
    public void configure(String name, Component target) {
        for (Map.Entry<String, Object> option : optionsSet().entrySet()) {
            boolean applied = PropertyBindingSupport.build()
                    .withCamelContext(target.getCamelContext())
                    .withTarget(target)
                    .withConfigurer(target.getComponentPropertyConfigurer())
                    .withReflection(false)
                    .withProperty(option.getKey(), option.getValue())
                    .bind();
            if (!applied) {
                // Only when this starter is newer than the camel-navixy on the classpath.
                throw new IllegalStateException(NavixyComponentProperties.PREFIX + "." + option.getKey()
                        + " is set, but the navixy component on the classpath has no option " + option.getKey()
                        + ": use the camel-navixy version that matches this starter");
            }
        }
    }

    /** The options the application has set (non-null), configuration first, by option name. */
    Map<String, Object> optionsSet() {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(properties);
        Map<String, Object> set = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : a.equals(CONFIGURATION) ? -1 : b.equals(CONFIGURATION) ? 1 : a.compareTo(b));
        for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
            String option = property.getName();
            if (property.getReadMethod() == null || property.getWriteMethod() == null || option.equals(ENABLED)) {
                continue;
            }
            Object value = bean.getPropertyValue(option);
            if (value != null) {
                set.put(option, value);
            }
        }
        return set;
    }
}
