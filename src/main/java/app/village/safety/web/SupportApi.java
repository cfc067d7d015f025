package app.village.safety.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.platform.NotFoundException;
import app.village.safety.queue.WriterSupport;
import io.swagger.v3.oas.annotations.Operation;

/** What the writer of a text is shown once it is read; their page asks this while the reading is pending. */
@RestController
@RequestMapping("/api/safety")
class SupportApi {

    private final WriterSupport support;

    SupportApi(WriterSupport support) {
        this.support = support;
    }

    record StepJson(String code, String heading, String text) {
    }

    record StatusJson(boolean pending, String level, boolean crisis, boolean held, boolean queued, String targetText,
                      List<StepJson> steps) {
    }

    @Operation(summary = "Help for the writer of a post (or, with ?reply=, of their reply in it)",
            description = "pending is true while the text has not been read yet. Only the text's writer gets an answer; "
                    + "for anyone else it does not exist (404).")
    @GetMapping("/support/posts/{postId}")
    StatusJson status(@AuthenticationPrincipal VillageUser user, @PathVariable UUID postId,
                      @RequestParam(required = false) UUID reply) {
        WriterSupport.Status s = (reply == null ? support.forText("POST", postId, user.id()) : support.forText("REPLY", reply, user.id()))
                .filter(x -> x.postId().equals(postId))
                .orElseThrow(() -> new NotFoundException("There is no text of yours here."));
        return new StatusJson(s.pending(), s.level() == null ? null : s.level().code(), s.crisis(), s.held(), s.queued(),
                s.targetText(), s.steps().stream().map(step -> new StepJson(step.name().toLowerCase(java.util.Locale.ROOT),
                step.heading(), step.text())).toList());
    }
}
