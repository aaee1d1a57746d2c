package org.parley.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.bench.client.Accounts;
import org.parley.bench.client.MemberClient;
import org.parley.bench.client.Sockets;
import org.parley.bench.run.Options;
import org.parley.bench.run.Parley;
import org.parley.bench.run.Scale;

/**
 * What the scenarios share: the Parley under load, the sockets' clients, and the members, set up
 * once (as many as the biggest scenario needs) and kept connected with their console open.
 */
public final class Context implements AutoCloseable {

    private final Parley parley;
    private final Options options;
    private final Sockets sockets;
    private final Accounts accounts;
    private final List<MemberClient> members = new ArrayList<>();

    public Context(Parley parley, Options options) {
        this.parley = parley;
        this.options = options;
        this.sockets = new Sockets(parley.base());
        this.accounts = new Accounts(parley.base(), parley.adminPassword());
    }

    Parley parley() {
        return parley;
    }

    Options options() {
        return options;
    }

    Scale scale() {
        return options.scale();
    }

    Sockets sockets() {
        return sockets;
    }

    Accounts accounts() {
        return accounts;
    }

    Usage usage() {
        return Usage.now(parley.pid());
    }

    /** The first {@code count} members, each with a connected client; created and connected on first need. */
    List<MemberClient> members(int count) throws Exception {
        if (members.size() < count) {
            List<CompletableFuture<MemberClient>> connecting = accounts.create(count - members.size()).stream()
                    .map(member -> MemberClient.connect(sockets, member)).toList();
            for (CompletableFuture<MemberClient> client : connecting) {
                members.add(client.get(2, TimeUnit.MINUTES));
            }
        }
        return members.subList(0, count);
    }

    @Override
    public void close() {
        List<CompletableFuture<Integer>> closing = members.stream().map(MemberClient::close).toList();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the server is being stopped anyway
        }
        sockets.close();
    }
}
