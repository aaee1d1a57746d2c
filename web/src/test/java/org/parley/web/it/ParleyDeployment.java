package org.parley.web.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** An integration test against Parley deployed on its own Payara Micro, driven from outside. */
@ExtendWith(ArquillianExtension.class)
abstract class ParleyDeployment {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley();
    }

    /** Where Parley answers, ending in a slash. */
    @ArquillianResource
    URL base;
}
