package app.village.accounts.security;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

import app.village.accounts.VillageUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** The pieces of sign-in that the platform's security configuration picks up. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final Duration DEVICE_COOKIE_LIFETIME = Duration.ofDays(365);

    @Bean
    AuthenticationDetailsSource<HttpServletRequest, SignInDetails> signInDetailsSource() {
        return SignInDetails::of;
    }

    @Bean
    AuthenticationSuccessHandler signInSuccessHandler(KnownDevices devices, RequestCache requestCache) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        // The platform's cache (a cookie): the page that sent the member to sign in is where they return.
        redirect.setRequestCache(requestCache);
        redirect.setDefaultTargetUrl("/feed");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof VillageUser user) {
                SignInDetails details = SignInDetails.of(request);
                if (!devices.knows(user.id(), details.deviceToken())) {
                    Cookie cookie = new Cookie(KnownDevices.COOKIE, devices.remember(user.id()));
                    cookie.setHttpOnly(true);
                    cookie.setSecure(request.isSecure() || "localhost".equals(request.getServerName()));
                    cookie.setPath("/signin");
                    cookie.setMaxAge((int) DEVICE_COOKIE_LIFETIME.toSeconds());
                    cookie.setAttribute("SameSite", "Strict");
                    response.addCookie(cookie);
                }
            }
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Bean
    AuthenticationFailureHandler signInFailureHandler() {
        return (request, response, exception) -> {
            if (exception instanceof SignInThrottledException throttled) {
                response.sendRedirect(request.getContextPath() + "/signin?wait=" + throttled.waitSeconds());
            } else {
                response.sendRedirect(request.getContextPath() + "/signin?error");
            }
        };
    }
}
