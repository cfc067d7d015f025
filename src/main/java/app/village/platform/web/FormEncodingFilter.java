package app.village.platform.web;

import java.io.IOException;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a form whose fields cannot be decoded (bytes that are not UTF-8, {@code %FF%FE}, a malformed escape, a body
 * over the server's form limit) before anything reads them. Tomcat reports such a form by throwing from every
 * {@code getParameter} call, wherever it comes first: it was a 500 on every form of Village, with the field's words
 * in the logged stack trace. Here the form is decoded once, up front, and a failure is a 400 (413 when too large)
 * that repeats nothing of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FormEncodingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                EarlyRefusal.write(request, response, e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : 400, null);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
