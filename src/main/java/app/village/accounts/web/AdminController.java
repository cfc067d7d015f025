package app.village.accounts.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.village.accounts.Role;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;

/** Admins give and take roles. Each change is written to the account audit log. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private final AccountService accounts;

    AdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("roles", new Role[]{Role.MODERATOR, Role.CLINICIAN, Role.ADMIN});
        return "accounts/admin-roles";
    }

    @PostMapping("/admin/roles")
    String grant(@AuthenticationPrincipal VillageUser admin, @RequestParam(required = false) String email,
                 @RequestParam(required = false) String role, RedirectAttributes redirect) {
        try {
            boolean granted = accounts.grant(admin.id(), email, role);
            redirect.addFlashAttribute("notice", granted ? "Role granted." : "That member already has this role.");
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/roles";
    }

    @PostMapping("/admin/roles/revoke")
    String revoke(@AuthenticationPrincipal VillageUser admin, @RequestParam UUID memberId, @RequestParam String role,
                  RedirectAttributes redirect) {
        try {
            accounts.revoke(admin.id(), memberId, role);
            redirect.addFlashAttribute("notice", "Role removed.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/roles";
    }
}
