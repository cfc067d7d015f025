package app.village.accounts.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.ContentChoice;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The member's own account page: children, password, export and erasure. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final JsonMapper json;

    AccountController(AccountService accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal VillageUser user, Model model) {
        model.addAttribute("children", accounts.children(user.id()));
        model.addAttribute("member", accounts.find(user.id()).orElseThrow());
        return "accounts/account";
    }

    @PostMapping("/account/children")
    String addChild(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String childNickname,
                    @RequestParam(required = false) String childBirthMonth, RedirectAttributes redirect) {
        try {
            accounts.addChild(user.id(), childNickname, childBirthMonth);
            redirect.addFlashAttribute("notice", "Child added.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account#children";
    }

    @PostMapping("/account/children/{id}/delete")
    String removeChild(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        accounts.removeChild(user.id(), id);
        redirect.addFlashAttribute("notice", "Child removed from your profile.");
        return "redirect:/account#children";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword, HttpServletRequest request,
                          RedirectAttributes redirect) {
        try {
            accounts.changePassword(user.id(), currentPassword, newPassword, request.getSession().getId());
            redirect.addFlashAttribute("notice", "Your password is changed. Other devices have been signed out.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account#password";
    }

    @GetMapping("/account/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal VillageUser user) {
        Map<String, Object> export = accounts.export(user.id());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"village-export.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
    }

    @PostMapping("/account/delete")
    String erase(@AuthenticationPrincipal VillageUser user, @RequestParam(required = false) String password,
                 @RequestParam(required = false) String contentChoice, HttpServletRequest request,
                 HttpServletResponse response, RedirectAttributes redirect) {
        ContentChoice choice;
        try {
            choice = contentChoice == null ? null : ContentChoice.valueOf(contentChoice);
        } catch (IllegalArgumentException e) {
            choice = null;
        }
        try {
            accounts.erase(user.id(), password, choice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/account#delete";
        }
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/?erased";
    }
}
