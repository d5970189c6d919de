package io.github.camelnavixy.consumer;

import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;


/**
 * The route works from the XML DSL. Skipped by the {@code camel-newest} profile, because camel-xml-io-dsl of the newest
 * Camel line is not served by the Maven mirror these builds use.
 */
class XmlRouteDslTest extends SimulatorRouteTestSupport {

    private void load(String name, String text) throws Exception {
        Resource resource = ResourceHelper.fromString(name, text);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }

    private String uri() {
        return navixy("state_batch", "rateLimit=1s").replace("&", "&amp;");
    }

    @Test
    void consumesFromAnXmlRoute() throws Exception {
        load("navixy.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route>
                    <from uri="%s"/>
                    <filter>
                      <simple>${header.CamelNavixyEventType} == 'state_batch'</simple>
                      <to uri="mock:xml"/>
                    </filter>
                  </route>
                </routes>
                """.formatted(uri()));
        MockEndpoint mock = getMockEndpoint("mock:xml");
        mock.expectedMinimumMessageCount(3);
        mock.assertIsSatisfied(10_000);
    }
}
