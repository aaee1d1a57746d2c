package org.parley.presence.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.presence.entity.Presence;
import org.parley.presence.entity.PresenceChanged;
import org.parley.presence.entity.PresenceStatus;

class PresenceRegistryTest {

    @Test
    void anObserverThatFailsOnOneMemberGoingOfflineDoesNotStopTheOthersOrTheSweep() {
        List<String> told = new ArrayList<>();
        PresenceRegistry registry = new PresenceRegistry();
        registry.grace = Duration.ZERO;
        registry.scheduler = proxy(ManagedScheduledExecutorService.class, (method, args) -> null);
        registry.changes = proxy(Event.class, (method, args) -> {
            PresenceChanged change = (PresenceChanged) args[0];
            if (change.username().equals("ada") && change.presence().equals(Presence.OFFLINE)) {
                throw new IllegalStateException("an observer failed");
            }
            told.add(change.username() + " " + change.presence().status().name());
            return null;
        });
        registry.start();
        registry.connect("ada", "desk", PresenceStatus.ONLINE, null);
        registry.connect("grace", "desk", PresenceStatus.ONLINE, null);
        registry.disconnect("ada", "desk");
        registry.disconnect("grace", "desk");
        told.clear();

        registry.expire(); // the container's scheduler would run it no more if it threw

        assertEquals(List.of("grace OFFLINE"), told, "the others are still told");
        assertEquals(Presence.OFFLINE, registry.presenceOf("ada"));
        registry.connect("ada", "phone", PresenceStatus.BUSY, null);
        registry.disconnect("ada", "phone");
        registry.expire();
        assertEquals(List.of("grace OFFLINE", "ada BUSY"), told, "and the registry goes on");
    }

    private interface Call {
        Object answer(java.lang.reflect.Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Call call) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> method.getDeclaringClass() == Object.class ? null : call.answer(method, args));
    }
}
