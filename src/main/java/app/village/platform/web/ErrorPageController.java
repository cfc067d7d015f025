package app.village.platform.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that never reach a controller (a form too large for the server, a bad URL, a stale CSRF
 * token): a page for people, a problem document for the API.
 */
@Controller
public class ErrorPageController implements ErrorController {

    /** The error message security sends for a page the signed-in account may not open (not a stale form). */
    public static final String NOT_FOR_THIS_ACCOUNT = "not-for-this-account";
    private static final String[] NOT_ALLOWED = {"This page is not for your account",
            "It is for moderators or admins of Village. If you think you should have it, ask an admin."};

    private static final Map<Integer, String[]> WORDS = Map.of(
            400, new String[]{"We could not read that", "Part of what was sent could not be read. Please go back and try again."},
            403, new String[]{"That did not go through", "Your form may have expired. Please go back, reload the page and try again."},
            404, new String[]{"We could not find that page", "It may have been deleted, or the address may be mistyped."},
            413, new String[]{"That was too long", "What you sent is larger than Village accepts. Please shorten it."});

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        String[] words = notForThisAccount(request) ? NOT_ALLOWED : WORDS.getOrDefault(status.value(),
                new String[]{"Something went wrong on our side", "Nothing was saved. Please try again in a moment."});
        return PageExceptionHandler.page(status, words[0], words[1]);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String[] words = WORDS.getOrDefault(status.value(), new String[]{"Error", "The request could not be handled."});
        ProblemDetail problem = ApiExceptionHandler.problem(status, status.getReasonPhrase(), words[1]);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean notForThisAccount(HttpServletRequest request) {
        return NOT_FOR_THIS_ACCOUNT.equals(request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
            // Asked for by its address, not reached through an error: nothing failed, and there is no page here.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
