package app.village.accounts.security;

import java.io.Serial;
import java.io.Serializable;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Where a sign-in attempt comes from: the network address and the known-device token, if any. */
public record SignInDetails(String remoteAddress, String deviceToken) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static SignInDetails of(HttpServletRequest request) {
        String device = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (KnownDevices.COOKIE.equals(cookie.getName())) {
                    device = cookie.getValue();
                }
            }
        }
        return new SignInDetails(request.getRemoteAddr(), device);
    }
}
