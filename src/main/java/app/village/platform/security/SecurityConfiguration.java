package app.village.platform.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may reach what. Pages use a session cookie with CSRF tokens on every form; the JSON API
 * accepts the same session (with the CSRF token in the {@code X-XSRF-TOKEN} header) or HTTP Basic
 * credentials for programs. Sign-in itself (the throttle, the account lookup) belongs to the
 * accounts module, which supplies the {@link AuthenticationProvider} and handlers used here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** Reachable without signing in. Everything else needs an account. */
    private static final String[] PUBLIC = {
            // The static files' names carry their content hash (StaticResources): /favicon-<hash>.svg, /css/village-<hash>.css.
            "/", "/help", "/about", "/signin", "/signup", "/error", "/css/**", "/js/**", "/*.svg",
            "/actuator/health/**", "/api/openapi", "/api/openapi/**", "/api/openapi.yaml", "/api/docs/**", "/swagger-ui/**", "/api/swagger-ui/**",
            "/api/screenings/questionnaires"
    };

    /** bcrypt reads at most 72 bytes, and Spring Security refuses longer input with an exception (it was a 500). */
    static final int BCRYPT_MAX_BYTES = 72;

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, with the algorithm recorded in each hash so it can be upgraded.
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (raw != null && raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
                    // No stored password is that long (sign-up refuses them): wrong, after the same hashing time.
                    delegate.matches("", encoded);
                    return false;
                }
                return delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegate.upgradeEncoding(encoded);
            }
        };
    }

    /** The CSRF token in a cookie scripts may read, sent back in {@code X-XSRF-TOKEN} (or the {@code _csrf} field of a form). */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    AuthenticationManager authenticationManager(List<AuthenticationProvider> providers) {
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            AuthenticationManager authenticationManager,
                                            ObjectProvider<AuthenticationSuccessHandler> successHandler,
                                            ObjectProvider<AuthenticationFailureHandler> failureHandler,
                                            ObjectProvider<AuthenticationDetailsSource<HttpServletRequest, ?>> details,
                                            ApiProblemEntryPoint apiEntryPoint, RequestCache requestCache,
                                            CsrfTokenRepository csrfTokens) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher basicAuth = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);

        http.authenticationManager(authenticationManager)
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/accounts").permitAll()
                        // The guides are Village's own general information, open to anyone who needs them.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/guides", "/guides/**", "/api/guides", "/api/guides/**").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/guides/suggest").permitAll()
                        .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/moderation/**", "/api/moderation/**").hasAnyRole("MODERATOR", "ADMIN")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        // Basic credentials are never stored by a browser here (no WWW-Authenticate challenge is
                        // ever sent), so a request carrying them cannot be forged cross-site.
                        .ignoringRequestMatchers(basicAuth)
                        // An API call without a session cookie carries no ambient credential to forge; let it reach
                        // authentication so a program without credentials hears "401 sign in", not "403 CSRF".
                        .ignoringRequestMatchers(request -> api.matches(request) && !hasSessionCookie(request)))
                .formLogin(form -> {
                    form.loginPage("/signin").loginProcessingUrl("/signin")
                            .usernameParameter("email").passwordParameter("password")
                            .permitAll();
                    successHandler.ifAvailable(form::successHandler);
                    failureHandler.ifAvailable(form::failureHandler);
                    details.ifAvailable(form::authenticationDetailsSource);
                })
                .httpBasic(basic -> {
                    basic.authenticationEntryPoint(apiEntryPoint);
                    details.ifAvailable(basic::authenticationDetailsSource);
                })
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut")
                        .deleteCookies("VILLAGE_SESSION"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"), request -> true)
                        .defaultAccessDeniedHandlerFor(apiEntryPoint, api)
                        // Pages get a page: "your form expired" for a stale CSRF token, "not for your account" otherwise.
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> response.sendError(403,
                                denied instanceof org.springframework.security.web.csrf.CsrfException ? null
                                        : app.village.platform.web.ErrorPageController.NOT_FOR_THIS_ACCOUNT), request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // Village needs none of the browser's powerful features; a script injected somehow gets none either.
                        .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
                                        + "display-capture=(), interest-cohort=()")));
        return http.build();
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if ("VILLAGE_SESSION".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page to return to after signing in, kept in a short-lived cookie (a path within Village, nothing
     * else) rather than in a session: a request for a page that needs an account stores nothing on the
     * server, where each used to store a session row. A program calling the API resumes nothing.
     */
    @Bean
    RequestCache requestCache() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(request -> !request.getRequestURI().startsWith(request.getContextPath() + "/api/"));
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return cache;
    }

    @Bean
    ApiProblemEntryPoint apiProblemEntryPoint() {
        return new ApiProblemEntryPoint();
    }

    /** Problem-details answers for the API, without a Basic challenge that would make browsers prompt. */
    static final class ApiProblemEntryPoint implements AuthenticationEntryPoint,
            org.springframework.security.web.access.AccessDeniedHandler {

        @Override
        public void commence(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
            String detail = e instanceof org.springframework.security.authentication.LockedException
                    ? e.getMessage()
                    : "Sign in first: send your session cookie or HTTP Basic credentials.";
            write(response, HttpStatus.UNAUTHORIZED, "Not signed in", detail);
        }

        @Override
        public void handle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                           org.springframework.security.access.AccessDeniedException e) throws java.io.IOException {
            boolean csrf = e instanceof org.springframework.security.web.csrf.CsrfException;
            write(response, HttpStatus.FORBIDDEN, csrf ? "Missing or stale CSRF token" : "Not allowed",
                    csrf ? "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
                            : "Your account may not do this.");
        }

        private static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
                                  String title, String detail) throws java.io.IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\"}");
        }
    }
}
