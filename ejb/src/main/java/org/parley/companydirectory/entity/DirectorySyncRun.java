package org.parley.companydirectory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one sync with the company directory did: how many people it listed, how many members it
 * created, updated, disabled and enabled again, and which entries failed and why; or why it could not
 * finish ({@link #getProblem()}), in which case it disabled nobody for being gone.
 */
@Entity
@Table(name = "directory_syncs")
@NamedQuery(name = DirectorySyncRun.NEWEST_FIRST, query = "SELECT r FROM DirectorySyncRun r ORDER BY r.startedAt DESC")
public class DirectorySyncRun {

    public static final String NEWEST_FIRST = "DirectorySyncRun.newestFirst";
    public static final int PROBLEM_MAX = 1000;
    public static final int FAILURES_MAX = 4000;
    /** How many failures are named one by one; the others are counted. */
    public static final int FAILURES_NAMED = 20;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    private int listed;
    private int created;
    private int updated;
    private int disabled;
    private int enabled;
    private int failed;

    @Column(length = PROBLEM_MAX)
    private String problem;

    @Column(length = FAILURES_MAX)
    private String failures;

    protected DirectorySyncRun() {
    }

    public DirectorySyncRun(Instant startedAt, String startedBy) {
        this.id = UUID.randomUUID().toString();
        this.startedAt = startedAt;
        this.finishedAt = startedAt;
        this.startedBy = cut(startedBy, 64);
    }

    /** One page of people taken: adds what was done with them. */
    public void add(int createdNow, int updatedNow, int disabledNow, int enabledNow, List<String> failuresNow) {
        created += createdNow;
        updated += updatedNow;
        disabled += disabledNow;
        enabled += enabledNow;
        for (String failure : failuresNow) {
            if (failed < FAILURES_NAMED) {
                String line = failure.replace('\n', ' ');
                failures = failures == null ? line : failures + "\n" + line;
                failures = cut(failures, FAILURES_MAX);
            }
            failed++;
        }
    }

    /** How many people the directory listed. */
    public void listed(int count) {
        listed = count;
    }

    /** Members disabled for being gone from the directory. */
    public void disabledGone(int count) {
        disabled += count;
    }

    /** The sync could not finish: nobody was disabled for being gone. */
    public void stoppedBy(String why) {
        problem = cut(why, PROBLEM_MAX);
    }

    public void finish(Instant at) {
        finishedAt = at;
    }

    /** The sync in one line for the log and the audit trail. */
    public String summary() {
        String counts = "listed " + listed + ", created " + created + ", updated " + updated + ", disabled " + disabled
                + ", enabled again " + enabled + ", failed " + failed;
        String why = failures == null ? "" : ": " + String.join("; ", getFailures())
                + (failed > FAILURES_NAMED ? "; and " + (failed - FAILURES_NAMED) + " more" : "");
        return (problem == null ? "" : "stopped: " + problem + "; ") + counts + why;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public String getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public int getListed() {
        return listed;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getDisabled() {
        return disabled;
    }

    public int getEnabled() {
        return enabled;
    }

    public int getFailed() {
        return failed;
    }

    public String getProblem() {
        return problem;
    }

    /** The failures named one by one (at most {@value #FAILURES_NAMED}). */
    public List<String> getFailures() {
        return failures == null ? List.of() : new ArrayList<>(List.of(failures.split("\n")));
    }
}
