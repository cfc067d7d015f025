package app.village.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an address whose query string is not valid UTF-8 once percent-decoded ({@code ?q=%FF%FE}),
 * before anything decodes the parameters: Tomcat's decoding failure surfaced as a 500 with the
 * decoded words in the log. The answer names the problem, never the bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryEncodingFilter extends OncePerRequestFilter {

    static final String DETAIL = "The address holds characters that are not valid UTF-8. Please check the link.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !validUtf8(query)) {
            // A page of its own: the error page would read the same parameters again.
            EarlyRefusal.write(request, response, 400, DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The query's bytes after percent-decoding ('+' is a space) form valid UTF-8; a malformed escape counts as invalid. */
    static boolean validUtf8(String query) {
        byte[] bytes = new byte[query.length()];
        int n = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int hi = Character.digit(query.charAt(i + 1), 16);
                int lo = Character.digit(query.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                // Tomcat hands the raw query over as ISO-8859-1 characters: each one is one byte as sent.
                bytes[n++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
