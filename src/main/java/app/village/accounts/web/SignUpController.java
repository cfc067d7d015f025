package app.village.accounts.web;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import app.village.accounts.FamilyRole;
import app.village.accounts.Member;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.accounts.SignUp;
import app.village.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@Controller
class SignUpController {

    private final AccountService accounts;
    private final app.village.accounts.security.SignUpLimit signUpLimit;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignUpController(AccountService accounts, app.village.accounts.security.SignUpLimit signUpLimit) {
        this.accounts = accounts;
        this.signUpLimit = signUpLimit;
    }

    /** The sign-up form as posted; one optional child, more can be added from the account page. */
    record SignUpForm(String email, String password, String handle, String familyRole,
                      String childNickname, String childBirthMonth) {
    }

    @GetMapping("/signin")
    String signIn() {
        return "accounts/signin";
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", "", "", ""));
        model.addAttribute("familyRoles", FamilyRole.values());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Member member;
        try {
            signUpLimit.attempt(request.getRemoteAddr());
            member = accounts.signUp(new SignUp(form.email(), form.password(), form.handle(), form.familyRole(),
                    List.of(new SignUp.NewChild(form.childNickname(), form.childBirthMonth()))));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            model.addAttribute("familyRoles", FamilyRole.values());
            response.setStatus(400);
            return "accounts/signup";
        }
        signInAs(member, request, response);
        return "redirect:/feed?welcome";
    }

    private void signInAs(Member member, HttpServletRequest request, HttpServletResponse response) {
        VillageUser user = new VillageUser(member.id(), member.handle(), member.familyRole(), member.roles(), null);
        // A new session id at the moment of signing in, so a session planted beforehand is worth nothing.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
