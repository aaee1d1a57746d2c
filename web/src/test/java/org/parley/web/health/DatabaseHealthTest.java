package org.parley.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.parley.storage.boundary.Storage;

class DatabaseHealthTest {

    /** The database as the session bean reports it, counting the calls (before start-up, the EJB container refuses them). */
    private static final class CountingStorage extends Storage {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicBoolean answering = new AtomicBoolean(true);

        @Override
        public boolean answers() {
            asked.incrementAndGet();
            return answering.get();
        }
    }

    private final CountingStorage storage = new CountingStorage();
    private final DatabaseHealth health = new DatabaseHealth();

    DatabaseHealthTest() {
        health.storage = storage;
    }

    @Test
    void whileTheApplicationStartsItIsDownWithoutCallingTheDatabaseBean() {
        HealthCheckResponse answer = health.ready().call();

        assertEquals("database", answer.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
        assertEquals(0, storage.asked.get());
    }

    @Test
    void onceStartedItSaysWhatTheDatabaseSays() {
        health.started(new Object());

        assertEquals(HealthCheckResponse.Status.UP, health.ready().call().getStatus());
        storage.answering.set(false);
        assertEquals(HealthCheckResponse.Status.DOWN, health.ready().call().getStatus());
        assertEquals(2, storage.asked.get());
    }
}
