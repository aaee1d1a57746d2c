package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTest {

    @Test
    void parametersGoAfterAnExistingQueryAndBeforeAFragment() {
        assertEquals("https://site.example/cb?code=abc&state=xyz",
                Http.withQuery("https://site.example/cb", "code", "abc", "state", "xyz"));
        assertEquals("https://site.example/cb?from=menu&code=abc",
                Http.withQuery("https://site.example/cb?from=menu", "code", "abc"));
        assertEquals("https://site.example/cb?code=abc",
                Http.withQuery("https://site.example/cb?", "code", "abc"));
        assertEquals("https://intranet.example/page?x=1&result=Declined#top",
                Http.withQuery("https://intranet.example/page?x=1#top", "result", "Declined"));
    }

    @Test
    void valuesAreEncodedAndMissingOnesLeftOut() {
        assertEquals("https://site.example/cb?error=access_denied&state=st%26te%3D1%20%C3%A9",
                Http.withQuery("https://site.example/cb", "error", "access_denied", "state", "st&te=1 é"));
        assertEquals("https://site.example/cb?error=access_denied",
                Http.withQuery("https://site.example/cb", "error", "access_denied", "state", null));
        assertEquals("https://intranet.example/?result=Accepted&id=3F2A9C41D07B55E1@intranet",
                Http.withQuery("https://intranet.example/", "result", "Accepted", "id", "3F2A9C41D07B55E1@intranet"));
    }

    @Test
    void theOriginLeavesOutTheDefaultPort() {
        assertEquals("http://127.0.0.1:8080", Http.origin(request("http", "127.0.0.1", 8080)));
        assertEquals("https://parley.intranet", Http.origin(request("https", "Parley.Intranet", 443)));
        assertEquals("http://parley.intranet", Http.origin(request("http", "parley.intranet", 80)));
        assertEquals("http://[::1]:8080", Http.origin(request("http", "::1", 8080)));
    }

    private static HttpServletRequest request(String scheme, String host, int port) {
        Map<String, Object> answers = Map.of("getScheme", scheme, "getServerName", host, "getServerPort", port);
        return (HttpServletRequest) Proxy.newProxyInstance(HttpTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> answers.get(method.getName()));
    }
}
