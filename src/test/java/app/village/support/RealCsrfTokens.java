package app.village.support;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;

/**
 * Puts Village's own CSRF token store back into the shared application. Spring Security Test's {@code csrf()}
 * (used by the MockMvc tests) replaces it, for the rest of the run, with a store kept in the HTTP session; a test
 * over real HTTP that signs in with the {@code XSRF-TOKEN} cookie, as browsers do, then got 403 whenever a MockMvc
 * test had run before it. Call this before such a test: later MockMvc tests swap the store again for themselves.
 */
public final class RealCsrfTokens {

    private RealCsrfTokens() {
    }

    public static void restore(WebApplicationContext application) {
        MockHttpServletRequest request = new MockHttpServletRequest(application.getServletContext());
        WebTestUtils.setCsrfTokenRepository(request, application.getBean(CsrfTokenRepository.class));
    }
}
