package app.village.community.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.MemberDirectory;
import app.village.accounts.VillageUser;
import app.village.community.ReactionKind;
import app.village.community.ReportReason;
import app.village.community.domain.CommunityService;
import app.village.community.domain.Post;
import app.village.community.domain.ThreadView;
import app.village.platform.InvalidInputException;
import app.village.platform.Paragraphs;
import jakarta.servlet.http.HttpServletResponse;

/** The feed, writing and editing posts, and the thread page. */
@Controller
class PostController {

    private final CommunityService community;
    private final MemberDirectory members;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<app.village.community.StoryNotes> notes;
    private final org.springframework.beans.factory.ObjectProvider<app.village.community.StoryPanels> panels;

    PostController(CommunityService community, MemberDirectory members, Clock clock,
                   org.springframework.beans.factory.ObjectProvider<app.village.community.StoryNotes> notes,
                   org.springframework.beans.factory.ObjectProvider<app.village.community.StoryPanels> panels) {
        this.community = community;
        this.members = members;
        this.clock = clock;
        this.notes = notes;
        this.panels = panels;
    }

    @GetMapping("/feed")
    String feed(@AuthenticationPrincipal VillageUser user, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("feed", community.feed(user.id(), page));
        return "community/feed";
    }

    @GetMapping("/posts/new")
    String newPost(@AuthenticationPrincipal VillageUser user, Model model) {
        return form(user, model, PostForm.blank(), null);
    }

    @PostMapping("/posts")
    String publish(@AuthenticationPrincipal VillageUser user, @ModelAttribute PostForm form, Model model,
                   HttpServletResponse response) {
        try {
            Post post = community.publishPost(user.id(), form.draft());
            return "redirect:/posts/" + post.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(user, model, form, null);
        }
    }

    @GetMapping("/posts/{id}")
    String thread(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model,
                  jakarta.servlet.http.HttpServletRequest request) {
        ThreadView thread = community.thread(user.id(), id, "the thread page");
        model.addAttribute("panels", panels.orderedStream().map(p -> p.forViewer(id, user.id(), thread.mine(), request))
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("thread", thread);
        model.addAttribute("paragraphs", Paragraphs.of(thread.post().body()));
        model.addAttribute("reactionKinds", ReactionKind.values());
        model.addAttribute("reportReasons", ReportReason.values());
        if (thread.mine()) {
            java.util.List<app.village.community.StoryNotes.Note> writerNotes = notes.orderedStream().map(n -> n.forWriter(id))
                    .flatMap(java.util.Optional::stream).toList();
            model.addAttribute("notes", writerNotes);
            model.addAttribute("notesPending", writerNotes.stream().anyMatch(app.village.community.StoryNotes.Note::pending));
        }
        if (!model.containsAttribute("replyKey")) {
            model.addAttribute("replyKey", UUID.randomUUID().toString());
        }
        return "community/thread";
    }

    @GetMapping("/posts/{id}/edit")
    String edit(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, Model model) {
        Post post = community.ownPost(user.id(), id);
        return form(user, model, PostForm.of(post), post);
    }

    @PostMapping("/posts/{id}/edit")
    String update(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @ModelAttribute PostForm form,
                  Model model, HttpServletResponse response) {
        Post post = community.ownPost(user.id(), id);
        try {
            int version = form.version() == null ? -1 : form.version();
            community.edit(user.id(), id, version, form.draft());
            return "redirect:/posts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(user, model, form, post);
        }
    }

    @PostMapping("/posts/{id}/delete")
    String delete(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        community.delete(user.id(), id);
        redirect.addFlashAttribute("notice", "Your post is deleted.");
        return "redirect:/feed";
    }

    @PostMapping("/posts/{id}/reactions")
    String react(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, @RequestParam String kind,
                 @RequestParam(defaultValue = "true") boolean on) {
        community.react(user.id(), id, kind, on);
        return "redirect:/posts/" + id + "#reactions";
    }

    @PostMapping("/posts/{id}/follow")
    String follow(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id,
                  @RequestParam(defaultValue = "true") boolean on, RedirectAttributes redirect) {
        community.follow(user.id(), id, on);
        redirect.addFlashAttribute("notice", on ? "You will be told about new replies." : "You will no longer be told about new replies.");
        return "redirect:/posts/" + id;
    }

    private String form(VillageUser user, Model model, PostForm form, Post editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("children", members.children(user.id()));
        model.addAttribute("clock", clock);
        return "community/post-form";
    }
}
