package org.parley.bench.client;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.json.JsonObject;
import org.jsoup.nodes.Document;

/**
 * Sets up members through Parley's public pages only, as an administrator and then each member
 * would: the admin creates them on /admin/members, each signs in and turns web sharing on in
 * /settings, where their CID is shown.
 */
public final class Accounts {

    private static final int PARALLEL_SIGN_INS = 4;

    private final URI base;
    private final String adminPassword;
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final String password = "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private Site admin;
    private int created;

    public Accounts(URI base, String adminPassword) {
        this.base = base;
        this.adminPassword = adminPassword;
    }

    /** {@code count} new members, each sharing on the web and signed in. */
    public List<Member> create(int count) {
        if (admin == null) {
            admin = new Site(base);
            Document signedIn = admin.signIn("admin", adminPassword);
            if (!signedIn.location().endsWith("/settings")) {
                throw new IllegalStateException("the admin could not sign in (is PARLEY_ADMIN_PASSWORD right?): "
                        + Site.messages(signedIn));
            }
        }
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "bench-" + run + "-" + (++created);
            admin.open("admin/members");
            Document page = admin.submit("create", Map.of("username", username,
                    "displayName", "Bench Member " + created, "password", password), "create");
            if (!Site.messages(page).contains("Created " + username + ".")) {
                throw new IllegalStateException("could not create " + username + ": " + Site.messages(page));
            }
            usernames.add(username);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SIGN_INS);
        try {
            List<Future<Member>> members = new ArrayList<>();
            for (String username : usernames) {
                members.add(pool.submit(() -> sharing(username)));
            }
            List<Member> ready = new ArrayList<>();
            for (Future<Member> member : members) {
                ready.add(member.get(5, TimeUnit.MINUTES));
            }
            return ready;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("setting up a member failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("setting up members took over 5 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A refresh token of the desktop client ({@code parley-desktop}) for {@code member}, got the way the client's
     * text mode gets one: the device grant, with the code approved on {@code /device} by the member.
     */
    public String desktopRefreshToken(Member member) throws InterruptedException {
        JsonObject device = DeviceGrant.post(base, "oauth/device", Map.of("client_id", "parley-desktop", "scope", "presence"));
        Site browser = new Site(base);
        browser.signIn(member.username(), password);
        browser.open("device?user_code=" + device.getString("user_code"));
        browser.submit("device", Map.of(), "approve");
        Map<String, String> poll = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.getString("device_code"), "client_id", "parley-desktop");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(device.getInt("interval")); // RFC 8628: the client waits this long between polls
            JsonObject answer = DeviceGrant.post(base, "oauth/token", poll);
            if (answer.containsKey("refresh_token")) {
                return answer.getString("refresh_token");
            }
        }
        throw new IllegalStateException("the approved device code gave no token within a minute");
    }

    private Member sharing(String username) {
        Site browser = new Site(base);
        browser.signIn(username, password);
        browser.open("settings");
        Document saved = browser.submit("settings", Map.of("webSharing", "on"), "save");
        if (!Site.messages(saved).contains("Your settings are saved.")) {
            throw new IllegalStateException(username + " could not turn web sharing on: " + Site.messages(saved));
        }
        return new Member(username, saved.selectFirst("#cid").text(), browser.cookieHeader());
    }
}
