package org.parley.web.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every integration test uses: the WAR exactly as Payara Micro runs it. */
public final class Deployments {

    private Deployments() {
    }

    /** Parley as it ships, with its default configuration. */
    public static WebArchive parley() {
        File war = new File(System.getProperty("parley.war", "target/parley.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** Parley with some configuration of its own (an application config source, below environment variables). */
    public static WebArchive parley(Map<String, String> config) {
        StringBuilder properties = new StringBuilder();
        config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        return parley().addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties");
    }

    /**
     * The deployment's URL on 127.0.0.1: Payara Micro without its data grid names the machine's
     * network address in the URL it reports, while the test servers listen on loopback only.
     */
    public static URL onLoopback(URL deployed) {
        try {
            return new URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), deployed.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The first administrator's password, given to the server by the failsafe configuration. */
    public static final String ADMIN_PASSWORD = "it-admin-password";
}
