package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.account.boundary.MemberDirectory;
import org.parley.web.health.DatabaseHealth;
import org.parley.web.socket.SocketSessions;

/**
 * Session beans are referenced with {@code @EJB}, not {@code @Inject}: on Payara every call through
 * CDI's reference to a no-interface session bean throws and catches an exception and reads a field
 * by reflection, which was 17.5 % of the relay's allocation. Two kinds of field stay on CDI:
 * {@code transient} fields of serializable (passivation-capable) beans, whose Weld proxy resolves
 * again after the bean is read back where an {@code @EJB} field would stay null, and
 * {@link DatabaseHealth}'s, which MicroProfile Health makes before {@code @EJB} references resolve.
 */
class SessionBeanInjectionTest {

    @Test
    void sessionBeansAreReferencedWithEjbOutsideSerializableBeansAndTheHealthCheck() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        classes.addAll(classesBeside(MemberDirectory.class));
        classes.addAll(classesBeside(SocketSessions.class));
        assertTrue(classes.size() > 200, "the ejb and web modules' classes were found: " + classes.size());

        List<String> injected = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) && isSessionBean(field.getType()) && !mayStayOnCdi(type, field)) {
                    injected.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), injected, "session beans injected with @Inject instead of @EJB");
    }

    @Test
    void theRuleSeesTheFieldsItAllows() throws Exception {
        Field health = fieldOfSessionBeanType(DatabaseHealth.class);
        assertTrue(health.isAnnotationPresent(Inject.class), "DatabaseHealth still reaches a session bean through CDI");
        Field operations = org.parley.web.view.admin.SessionsBacking.class.getDeclaredField("operations");
        assertTrue(isSessionBean(operations.getType()) && operations.isAnnotationPresent(Inject.class)
                && mayStayOnCdi(org.parley.web.view.admin.SessionsBacking.class, operations));
    }

    private static boolean isSessionBean(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class);
    }

    private static boolean mayStayOnCdi(Class<?> owner, Field field) {
        return owner == DatabaseHealth.class
                || Modifier.isTransient(field.getModifiers()) && Serializable.class.isAssignableFrom(owner);
    }

    private static Field fieldOfSessionBeanType(Class<?> owner) {
        return Stream.of(owner.getDeclaredFields()).filter(f -> isSessionBean(f.getType())).findFirst().orElseThrow();
    }

    /** Every class in the same classes folder or jar as {@code anchor}. */
    private static List<Class<?>> classesBeside(Class<?> anchor) throws URISyntaxException, IOException {
        Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                names = files.map(source::relativize).map(Path::toString).filter(n -> n.endsWith(".class")).toList();
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                names = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.');
            if (!className.endsWith("module-info") && !className.endsWith("package-info")) {
                classes.add(load(className, anchor.getClassLoader()));
            }
        }
        return classes;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("cannot load " + name, e));
        }
    }
}
