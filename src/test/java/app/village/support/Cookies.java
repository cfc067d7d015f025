package app.village.support;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cookies a real HTTP answer sets, for tests that talk to Village as a browser does. */
public final class Cookies {

    private Cookies() {
    }

    /**
     * Puts the application's cookie CSRF repository back for requests made as a browser makes them: MockMvc's
     * {@code csrf()} in other tests of the shared context swaps a session-backed one into the shared filter (Spring
     * Security's test support does so), which would make pages store sessions and tokens no browser could read.
     */
    public static void restoreApplicationsCsrfRepository(org.springframework.web.context.WebApplicationContext context) {
        org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(
                new org.springframework.mock.web.MockHttpServletRequest(context.getServletContext()),
                org.springframework.security.web.csrf.CookieCsrfTokenRepository.withHttpOnlyFalse());
    }

    /** The value of the cookie the answer sets under this name; fails when it sets none. */
    public static String value(HttpResponse<?> response, String name) {
        Pattern pattern = Pattern.compile("^" + name + "=([^;]*)");
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = pattern.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + name + " cookie in " + response.headers().allValues("Set-Cookie"));
    }
}
