package org.parley.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Deploys the EAR that intranets install on their own application server — here full Payara
 * Server 6, unpacked by maven-dependency-plugin — and checks that Parley answers: the sign-in
 * page, and the readiness check with its database.
 * <p>
 * Every run deploys on a fresh copy of the distribution's {@code domain1}, whose configuration
 * is first confined to the loopback interface on ports of its own (nothing on 8080, 4848, 5900
 * or 6900–6910, which other runs use): the data grid finds members without multicast, JMS is
 * off, and neither Payara nor Hazelcast phones home. Its HTTP listener gets Parley's HTTP guard
 * the README's way. The domain is always stopped afterwards, whatever happened.
 */
class EarDeploysOnPayaraServerIT {

    private static final String LOOPBACK = "127.0.0.1";
    /** The DAS's HTTP listener, and the name of its protocol. */
    private static final String HTTP_LISTENER = "http-listener-1";
    private static final int HTTP_PORT = 28080;
    private static final int HTTPS_PORT = 28181;
    private static final int ADMIN_PORT = 24848;
    private static final int IIOP_PORT = 23700;
    private static final int IIOP_SSL_PORT = 23820;
    private static final int IIOP_MUTUAL_AUTH_PORT = 23920;
    private static final int JMX_PORT = 28686;
    private static final int JMS_PORT = 27676;
    private static final int DATA_GRID_DAS_PORT = 24900;
    private static final int DATA_GRID_INSTANCE_PORT = 25900;
    /** The domain as unpacked: never started, copied afresh for every run. */
    private static final String TEMPLATE_DOMAIN = "domain1";
    private static final String DOMAIN = "parley-it";
    private static final String APPLICATION = "parley";
    private static final String ADMIN_PASSWORD = "it-admin-password";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int SERVER_LOG_TAIL_LINES = 150;

    private static Path serverHome;
    private static Path domainDir;
    private static Path dataDir;
    private static HttpClient http;

    @BeforeAll
    static void deployTheEarOnALoopbackDomain() throws Exception {
        serverHome = requiredPath("payara.server.home");
        Path ear = requiredPath("parley.ear");
        Path guard = requiredPath("parley.httpguard");
        dataDir = requiredPath("parley.it.data");
        Path template = serverHome.resolve("glassfish/domains").resolve(TEMPLATE_DOMAIN);
        assertTrue(Files.isRegularFile(ear), "the EAR to deploy is missing: " + ear);
        assertTrue(Files.isDirectory(template), "Payara Server is not unpacked at " + serverHome);

        // A fresh domain every run: one that still holds the last run's application loads it at
        // start-up, and a deploy sent while it does so fails. A domain left running by an
        // interrupted run is stopped first: it would hold the ports.
        domainDir = template.resolveSibling(DOMAIN);
        if (Files.isDirectory(domainDir)) {
            asadmin(STOP_TIMEOUT, "stop-domain", DOMAIN);
        }
        delete(domainDir);
        copy(template, domainDir);
        confineToLoopback(domainDir.resolve("config/domain.xml"));
        guardTheHttpListener(domainDir.resolve("config/domain.xml"));
        Files.copy(guard, domainDir.resolve("lib").resolve(guard.getFileName()));
        delete(dataDir);
        Files.createDirectories(dataDir);

        AsadminRun started = asadmin(START_TIMEOUT, "start-domain", DOMAIN);
        assertTrue(started.succeeded(), () -> "Payara Server did not start: " + started + serverLogTail());

        AsadminRun deployed = asadmin(DEPLOY_TIMEOUT, "deploy", "--name", APPLICATION, ear.toString());
        assertTrue(deployed.succeeded(), () -> "Payara Server refused the EAR " + ear + ": " + deployed + serverLogTail());

        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stopTheDomain() {
        if (domainDir == null || !Files.isDirectory(domainDir)) {
            return;
        }
        AsadminRun stopped = asadmin(STOP_TIMEOUT, "stop-domain", DOMAIN);
        if (!stopped.succeeded() && isRunning()) {
            asadmin(STOP_TIMEOUT, "stop-domain", "--kill=true", DOMAIN);
        }
    }

    @Test
    void signInPageAnswers() throws Exception {
        HttpResponse<String> response = get("/signin");

        assertEquals(200, response.statusCode(), () -> "GET /signin answered " + response.statusCode()
                + ":\n" + response.body() + serverLogTail());
        assertTrue(response.body().contains("Sign in to Parley"),
                () -> "GET /signin is not Parley's sign-in page:\n" + response.body());
    }

    @Test
    void readinessCheckReportsTheDatabase() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertEquals(200, response.statusCode(), () -> "GET /health/ready answered " + response.statusCode()
                + " (not ready):\n" + response.body() + serverLogTail());
        assertTrue(response.body().contains("database"),
                () -> "GET /health/ready does not report the database:\n" + response.body());
    }

    /** The README's HTTP guard, from the domain's lib/: a path Payara cannot decode gets 400, not an empty 200. */
    @Test
    void aPathPayaraCannotDecodeIsABadRequest() throws Exception {
        String presence = rawGet("/users/%zz/presence");
        assertTrue(presence.startsWith("HTTP/1.1 400 "), () -> presence + serverLogTail());
        assertTrue(presence.endsWith("{\"result\":{\"code\":400,\"response\":\"Bad request: the address has a malformed"
                + " percent-escape (a % must be followed by two hex digits).\"}}"), presence);
        String page = rawGet("/console/%e0%80");
        assertTrue(page.startsWith("HTTP/1.1 400 "), page);
        assertTrue(page.endsWith("Bad request: the address's percent-escapes are not UTF-8.\n"), page);
    }

    /** The README's commands switch Payara's metrics off: the JVM's and the connection pool's figures are served to no one. */
    @Test
    void payarasMetricsAreServedToNoOne() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertEquals(403, response.statusCode(), () -> "GET /metrics answered " + response.statusCode() + ":\n" + response.body());
        assertFalse(response.body().contains("memory_"), response::body);
    }

    /** {@code GET path} written as it is ({@link URI} refuses a malformed escape); the whole answer. */
    private static String rawGet(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(LOOPBACK, HTTP_PORT)) {
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + LOOPBACK + ":" + HTTP_PORT
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + HTTP_PORT + path))
                .timeout(REQUEST_TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Rewrites the DAS configuration ({@code server-config}) so that everything the domain
     * opens is on 127.0.0.1, on this test's ports. Each element is found or else created, so
     * this holds for a domain.xml that a started domain has rewritten as well as for the
     * distribution's own.
     */
    private static void confineToLoopback(Path domainXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(domainXml.toFile());
        Element domain = document.getDocumentElement();
        Element config = childrenNamed(child(domain, "configs"), "config").stream()
                .filter(c -> "server-config".equals(c.getAttribute("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no server-config in " + domainXml));

        Map<String, Integer> listenerPorts = Map.of(
                "http-listener-1", HTTP_PORT, "http-listener-2", HTTPS_PORT, "admin-listener", ADMIN_PORT);
        for (Element listener : childrenNamed(child(child(config, "network-config"), "network-listeners"), "network-listener")) {
            listener.setAttribute("address", LOOPBACK);
            listener.setAttribute("port", portOf(listenerPorts, listener.getAttribute("name"), domainXml));
        }

        Map<String, Integer> iiopPorts = Map.of(
                "orb-listener-1", IIOP_PORT, "SSL", IIOP_SSL_PORT, "SSL_MUTUALAUTH", IIOP_MUTUAL_AUTH_PORT);
        for (Element listener : childrenNamed(child(config, "iiop-service"), "iiop-listener")) {
            listener.setAttribute("address", LOOPBACK);
            listener.setAttribute("port", portOf(iiopPorts, listener.getAttribute("id"), domainXml));
        }

        for (Element connector : childrenNamed(child(config, "admin-service"), "jmx-connector")) {
            connector.setAttribute("address", LOOPBACK);
            connector.setAttribute("port", String.valueOf(JMX_PORT));
        }

        // JMS: Parley has none. Disabled, the domain opens no broker port (its lazy listener
        // would otherwise take the JMS port on every interface).
        for (Element property : childrenNamed(config, "system-property")) {
            if ("JMS_PROVIDER_PORT".equals(property.getAttribute("name"))) {
                property.setAttribute("value", String.valueOf(JMS_PORT));
            }
        }
        Element jms = childOrNew(config, "jms-service");
        jms.setAttribute("type", "DISABLED");
        jms.setAttribute("default-jms-host", "default_JMS_host");
        Element jmsHost = childrenNamed(jms, "jms-host").stream().findFirst()
                .orElseGet(() -> (Element) jms.appendChild(document.createElement("jms-host")));
        jmsHost.setAttribute("name", "default_JMS_host");
        jmsHost.setAttribute("host", LOOPBACK);
        jmsHost.setAttribute("port", "${JMS_PROVIDER_PORT}");

        // the data grid (Hazelcast): members found through the domain, never by multicast;
        // the DAS binds its member port on loopback only (an "interface" would bind every address)
        Element dataGrid = childOrNew(domain, "hazelcast-runtime-configuration");
        dataGrid.setAttribute("discovery-mode", "domain");
        dataGrid.setAttribute("das-bind-address", LOOPBACK);
        dataGrid.setAttribute("das-public-address", LOOPBACK);
        dataGrid.setAttribute("das-port", String.valueOf(DATA_GRID_DAS_PORT));
        dataGrid.setAttribute("start-port", String.valueOf(DATA_GRID_INSTANCE_PORT));

        // Payara's phone home (the asadmin equivalent, disable-phone-home, needs a running DAS
        // and so would come after the first call home)
        childOrNew(config, "phone-home-runtime-configuration").setAttribute("enabled", "false");

        Element javaConfig = child(config, "java-config");
        // Hazelcast's own phone home; and H2's AUTO_SERVER (the EJB timer pool) binds every address unless told
        addJvmOption(javaConfig, "-Dhazelcast.phone.home.enabled=false");
        addJvmOption(javaConfig, "-Dh2.bindAddress=" + LOOPBACK);

        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(domainXml.toFile()));
    }

    /**
     * The README's HTTP guard on the DAS's HTTP listener: its protocol becomes a port unification
     * whose only finder leads to the HTTP protocol, with Parley's filter (from the domain's lib/),
     * as {@code asadmin create-protocol}, {@code create-protocol-finder} and {@code set} would make it.
     */
    private static void guardTheHttpListener(Path domainXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(domainXml.toFile());
        Element config = childrenNamed(child(document.getDocumentElement(), "configs"), "config").stream()
                .filter(c -> "server-config".equals(c.getAttribute("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no server-config in " + domainXml));
        Element network = child(config, "network-config");
        Element protocols = child(network, "protocols");
        Element http = childrenNamed(protocols, "protocol").stream()
                .filter(p -> HTTP_LISTENER.equals(p.getAttribute("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no protocol " + HTTP_LISTENER + " in " + domainXml));
        child(http, "http").setAttribute("http2-enabled", "false");

        Element guard = (Element) protocols.appendChild(document.createElement("protocol"));
        guard.setAttribute("name", "parley-guard");
        Element unification = (Element) guard.appendChild(document.createElement("port-unification"));
        unification.setAttribute("classname", "org.parley.httpguard.boundary.GuardedPortUnification");
        Element finder = (Element) unification.appendChild(document.createElement("protocol-finder"));
        finder.setAttribute("name", "parley-http");
        finder.setAttribute("protocol", HTTP_LISTENER);
        finder.setAttribute("classname", "org.glassfish.grizzly.config.portunif.HttpProtocolFinder");

        childrenNamed(child(network, "network-listeners"), "network-listener").stream()
                .filter(l -> HTTP_LISTENER.equals(l.getAttribute("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + HTTP_LISTENER + " in " + domainXml))
                .setAttribute("protocol", "parley-guard");
        // Payara's MicroProfile Metrics, served to anyone otherwise (asadmin set-metrics-configuration --enabled=false)
        childOrNew(config, "microprofile-metrics-configuration").setAttribute("enabled", "false");
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(domainXml.toFile()));
    }

    private static String portOf(Map<String, Integer> ports, String listener, Path domainXml) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new AssertionError("a listener this test does not know, " + listener + ", in " + domainXml
                    + ": give it a loopback address and a port of its own");
        }
        return String.valueOf(port);
    }

    private static Element child(Element parent, String name) {
        return childrenNamed(parent, name).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    private static Element childOrNew(Element parent, String name) {
        return childrenNamed(parent, name).stream().findFirst()
                .orElseGet(() -> (Element) parent.appendChild(parent.getOwnerDocument().createElement(name)));
    }

    private static List<Element> childrenNamed(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static void addJvmOption(Element javaConfig, String option) {
        boolean present = childrenNamed(javaConfig, "jvm-options").stream()
                .anyMatch(o -> option.equals(o.getTextContent().trim()));
        if (!present) {
            javaConfig.appendChild(javaConfig.getOwnerDocument().createElement("jvm-options")).setTextContent(option);
        }
    }

    /**
     * Runs asadmin with a bounded wait. Its output goes to a file beside the server, never to
     * a pipe that the domain's JVM, which start-domain leaves running, could hold open.
     */
    private static AsadminRun asadmin(Duration timeout, String subcommand, String... arguments) {
        List<String> command = new ArrayList<>();
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        command.add(serverHome.resolve(windows ? "bin/asadmin.bat" : "bin/asadmin").toString());
        command.add("--interactive=false");
        command.add(subcommand);
        command.addAll(List.of(arguments));
        Path output = serverHome.resolveSibling("asadmin-" + subcommand + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(serverHome.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("AS_JAVA", System.getProperty("java.home"));
        // remote commands (deploy) find the DAS here; local ones read domain.xml
        environment.put("AS_ADMIN_HOST", LOOPBACK);
        environment.put("AS_ADMIN_PORT", String.valueOf(ADMIN_PORT));
        // inherited by the domain's JVM that start-domain launches, where MicroProfile Config reads them
        environment.put("PARLEY_DATA_DIR", dataDir.toString());
        environment.put("PARLEY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("HZ_PHONE_HOME_ENABLED", "false");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new AsadminRun(command, finished ? process.exitValue() : null, timeout,
                    new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private record AsadminRun(List<String> command, Integer exitCode, Duration timeout, String output) {

        boolean succeeded() {
            return exitCode != null && exitCode == 0;
        }

        @Override
        public String toString() {
            return String.join(" ", command)
                    + (exitCode == null ? " did not finish within " + timeout : " exited with " + exitCode)
                    + "\n" + output.strip();
        }
    }

    private static boolean isRunning() {
        AsadminRun list = asadmin(STOP_TIMEOUT, "list-domains");
        return list.output().lines().anyMatch(line -> line.startsWith(DOMAIN + " running"));
    }

    private static String serverLogTail() {
        Path log = domainDir.resolve("logs/server.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last " + SERVER_LOG_TAIL_LINES + " lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - SERVER_LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "\n(no server log at " + log + ": " + e + ")";
        }
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isBlank(), "system property " + property + " is not set (see ear/pom.xml, failsafe)");
        return Path.of(value).toAbsolutePath();
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
