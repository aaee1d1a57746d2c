package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.OnMessage;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameEndpointTest {

    /** What Tyrus looks for: a public, non-bridge {@code @OnMessage} method of the endpoint class. */
    private static long binaryHandlers(Class<?> endpoint) {
        return Arrays.stream(endpoint.getMethods()).filter(m -> !m.isBridge())
                .filter(m -> m.isAnnotationPresent(OnMessage.class))
                .map(Method::getParameterTypes).filter(p -> p.length == 1 && p[0] == ByteBuffer.class).count();
    }

    @Test
    void everySocketEndpointTakesBinaryFramesToRefuseThem() {
        for (Class<?> endpoint : List.of(ControlSocket.class, ClientSocket.class, PresenceSocket.class)) {
            assertEquals(1, binaryHandlers(endpoint), endpoint.getSimpleName());
        }
    }
}
