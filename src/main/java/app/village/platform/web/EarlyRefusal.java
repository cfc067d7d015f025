package app.village.platform.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written before (or instead of) Spring MVC: by a filter that refuses what it cannot read, or by the server
 * when an address cannot even be decoded. A problem document for the API, a small page of Village's own for people,
 * with the crisis link as on every page. Nothing of what was sent is repeated, and the error page is not used, since
 * rendering it would read the same undecodable request again.
 */
final class EarlyRefusal {

    private static final Map<Integer, String[]> WORDS = Map.of(
            400, new String[]{"We could not read that", "Part of what was sent could not be read. Please go back and try again."},
            404, new String[]{"We could not find that page", "It may have been deleted, or the address may be mistyped."},
            413, new String[]{"That was too long", "What you sent is larger than Village accepts (1 MiB). Please shorten it."});
    private static final String[] SERVER = {"Something went wrong on our side", "Nothing was saved. Please try again in a moment."};
    private static final String[] OTHER = {"That did not work", "The request could not be handled. Please go back and try again."};

    private EarlyRefusal() {
    }

    static boolean api(String requestUri) {
        return requestUri != null && requestUri.startsWith("/api/");
    }

    static String contentType(boolean api) {
        return (api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE) + ";charset=UTF-8";
    }

    /** The words for a status: the title and what to do. */
    static String[] words(int status) {
        return WORDS.getOrDefault(status, status >= 500 ? SERVER : OTHER);
    }

    static String body(boolean api, int status, String detail) {
        String[] words = words(status);
        String text = detail == null ? words[1] : detail;
        if (api) {
            HttpStatus known = HttpStatus.resolve(status);
            return "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? words[0] : known.getReasonPhrase()) + "\",\"status\":"
                    + status + ",\"detail\":\"" + text.replace("\"", "'") + "\"}";
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                + "initial-scale=1\"><title>" + words[0] + " · Village</title><link rel=\"stylesheet\" href=\"/css/village.css\"></head>"
                + "<body><header class=\"site\"><nav class=\"bar\" aria-label=\"Main\"><a class=\"brand\" href=\"/\">Village</a>"
                + "<a class=\"help-now\" href=\"/help\">Need help now?</a></nav></header><main id=\"main\"><h1>" + words[0]
                + "</h1><p>" + text + "</p><p><a href=\"/\">Back to Village</a></p></main></body></html>";
    }

    /** Writes the refusal; {@code detail} replaces the usual words for the status when given. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        boolean api = api(request.getRequestURI().substring(request.getContextPath().length()));
        response.setStatus(status);
        response.setContentType(contentType(api));
        response.getWriter().write(body(api, status, detail));
    }
}
