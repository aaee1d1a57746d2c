package org.parley.bench.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.bench.client.Member;
import org.parley.bench.client.Visitor;
import org.parley.bench.report.Figure;
import org.parley.bench.report.Target;
import org.parley.bench.run.ProcStats;
import org.parley.bench.run.Scale;

/**
 * The desktop client as a member keeps it open all day (issue 11): its window started from
 * {@code parley-desktop.jar} with a kept sign-in, the time until Parley shows the member Online, and
 * the window process's resident memory once it shows 20 open conversations and lists 1,000 contacts
 * (smoke: 2 and 5). It needs an X display: {@code $DISPLAY}, else an Xvfb of its own.
 */
final class Desktop implements Scenario {

    @Override
    public String name() {
        return "desktop";
    }

    @Override
    public void run(Context context, Outcome outcome) throws Exception {
        boolean full = context.scale() == Scale.FULL;
        int contacts = full ? 1_000 : 5;
        int conversations = full ? 20 : 2;
        Path jar = context.options().home().resolve("parley-desktop.jar");
        if (!Files.isRegularFile(jar)) {
            outcome.note("not measured: " + jar + " is missing (mvn -pl desktop,bench -am -DskipTests package)");
            return;
        }
        List<Member> members = context.accounts().create(contacts + 1); // all share their presence: the first is the desktop's member
        Member member = members.get(0);
        Path config = Files.createTempDirectory("parley-desktop-bench", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        URI base = context.parley().base();
        Files.writeString(config.resolve("credentials.json"), "{\"server\":\"" + base + "\",\"refresh_token\":\""
                + context.accounts().desktopRefreshToken(member) + "\"}");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp").start();
            display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--server", base.toString(), "--config", config.toString(), "--idle-after", "0", "--no-sound")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        long started = System.nanoTime();
        Process client = builder.start();
        List<Visitor> visitors = new ArrayList<>();
        try {
            awaitOnline(base, member.cid(), client, Duration.ofMinutes(1));
            outcome.add(Figure.of("jar start to signed in (Online at Parley)", (System.nanoTime() - started) / 1e9, "s",
                    Target.atMost(2)));
            CountDownLatch shown = new CountDownLatch(conversations);
            Visitor.Listener listener = new Visitor.Listener() {
                @Override
                public void receipt(Visitor visitor, long seq, String state) {
                    if (state.equals("delivered")) {
                        shown.countDown();
                    }
                }
            };
            for (int i = 0; i < conversations; i++) {
                Visitor visitor = Visitor.open(context.sockets(), member.cid(), listener, outcome.tally()).get(30, TimeUnit.SECONDS);
                visitor.identify("Visitor " + (i + 1));
                visitor.send("d" + i, "Hello from visitor " + (i + 1));
                visitors.add(visitor);
            }
            if (!shown.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the window confirmed " + (conversations - shown.getCount()) + " of "
                        + conversations + " conversations within 2 minutes");
            }
            TimeUnit.SECONDS.sleep(5); // the window at rest with everything drawn: what a member's machine carries all day
            outcome.add(Figure.of("window RSS, " + conversations + " conversations, " + contacts + " contacts",
                    ProcStats.rssKiB(client.pid()) / 1024.0, "MiB", Target.atMost(150)));
            outcome.note("the client ran with the JVM's default flags (java -jar), as a member starts it");
        } finally {
            visitors.forEach(Visitor::close);
            client.destroy();
            client.waitFor(10, TimeUnit.SECONDS);
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /** Polls the Presence API until the member shows Online: the client has opened its socket with its renewed token. */
    private static void awaitOnline(URI base, String cid, Process client, Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest presence = HttpRequest.newBuilder(base.resolve("users/" + cid + "/presence")).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!client.isAlive()) {
                throw new IllegalStateException("the desktop client exited with " + client.exitValue());
            }
            if (http.send(presence, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"Online\"")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20); // a poll with a deadline: the client has no other outside sign
        }
        throw new IllegalStateException("the member was not Online within " + limit);
    }
}
