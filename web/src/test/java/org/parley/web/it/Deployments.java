package org.parley.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every integration test uses: the WAR exactly as Payara Micro runs it. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive parley() {
        File war = new File(System.getProperty("parley.war", "target/parley.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The first administrator's password, given to the server by the failsafe configuration. */
    public static final String ADMIN_PASSWORD = "it-admin-password";
}
