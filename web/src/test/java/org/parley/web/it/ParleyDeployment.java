package org.parley.web.it;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** An integration test against Parley deployed on its own Payara Micro, driven from outside. */
@ExtendWith(ArquillianExtension.class)
abstract class ParleyDeployment {

    /** Origins of intranet pages that may embed Parley in these tests. */
    static final String INTRANET_ORIGIN = "http://intranet.test";
    /** Test pages served by the browser tests themselves, on another origin than Parley's. */
    static final int CONTROL_PAGE_PORT = 28765;
    static final int DIRECTORY_PAGE_PORT = 28766;
    /** The reverse proxy Parley trusts in these tests (see {@link LoopbackProxy}); tests connect from 127.0.0.1, which it does not trust. */
    static final String TRUSTED_PROXY = "127.0.0.2";

    /**
     * Parley with limits that tests from one address do not hit by accident (VisitorLimitsIT and
     * DeliveryIT check the real ones; a conversation of more than 200 messages is sent here at full
     * speed), a short presence grace period, a short resume window, revoked consents swept soon after
     * they end, a device grant polling interval short enough to wait out, and a trusted reverse proxy
     * at {@link #TRUSTED_PROXY}.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley(Map.ofEntries(
                Map.entry("parley.limits.conversations-per-minute", "600"),
                Map.entry("parley.limits.visitor-messages-per-second", "1000"),
                Map.entry("parley.limits.visitor-message-burst", "1000"),
                Map.entry("parley.limits.address-messages-per-second", "1000"),
                Map.entry("parley.limits.address-message-burst", "1000"),
                Map.entry("parley.limits.presence-sockets-per-address", "1000"),
                Map.entry("parley.limits.presence-watches-per-second", "1000"),
                Map.entry("parley.limits.presence-watch-burst", "1000"),
                Map.entry("parley.presence.grace", "PT2S"),
                Map.entry("parley.conversation.resume-window", "PT3S"),
                Map.entry("parley.consent.retention", "PT2S"),
                Map.entry("parley.token.device-poll-interval", "PT2S"),
                Map.entry("parley.proxy.trusted", TRUSTED_PROXY),
                Map.entry("parley.intranet.origins", INTRANET_ORIGIN + ",http://127.0.0.1:" + CONTROL_PAGE_PORT
                        + ",http://127.0.0.1:" + DIRECTORY_PAGE_PORT)));
    }

    /** Where Payara Micro says the deployment is: on the machine's network address, which it names without a data grid. */
    @ArquillianResource
    URL deployed;

    /** Where Parley answers, ending in a slash: on loopback, where the test server listens. */
    URL base;

    @BeforeEach
    void onLoopback() {
        base = Deployments.onLoopback(deployed);
    }
}
