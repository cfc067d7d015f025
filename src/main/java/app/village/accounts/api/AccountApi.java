package app.village.accounts.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.ChildProfile;
import app.village.accounts.ContentChoice;
import app.village.accounts.Member;
import app.village.accounts.VillageUser;
import app.village.accounts.domain.AccountService;
import app.village.accounts.SignUp;
import app.village.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api")
@Tag(name = "Accounts", description = "Sign-up, the member's own account, children, export and erasure")
class AccountApi {

    private final AccountService accounts;
    private final Clock clock;
    private final app.village.accounts.security.SignUpLimit signUpLimit;

    AccountApi(AccountService accounts, Clock clock, app.village.accounts.security.SignUpLimit signUpLimit) {
        this.accounts = accounts;
        this.clock = clock;
        this.signUpLimit = signUpLimit;
    }

    record ChildJson(UUID id, String nickname, String birthMonth, int ageMonths) {
    }

    record MeJson(UUID id, String handle, String familyRole, List<String> roles, List<ChildJson> children) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Erasure(String password, String contentChoice) {
    }

    record NewChild(String nickname, String birthMonth) {
    }

    record RoleGrant(String email, String role) {
    }

    @Operation(summary = "Create an account", description = "Public. Errors never reveal whether an email is already registered. "
            + "At most 20 attempts an hour from one network address (400 with field email beyond that).")
    @PostMapping("/accounts")
    ResponseEntity<Member> signUp(@RequestBody SignUp request, HttpServletRequest http) {
        signUpLimit.attempt(http.getRemoteAddr());
        Member member = accounts.signUp(request);
        return ResponseEntity.created(URI.create("/api/me")).body(member);
    }

    @Operation(summary = "The signed-in member")
    @GetMapping("/me")
    MeJson me(@AuthenticationPrincipal VillageUser user) {
        Member member = accounts.find(user.id()).orElseThrow();
        return new MeJson(member.id(), member.handle(), member.familyRole().name(),
                member.roles().stream().map(Enum::name).sorted().toList(), children(user));
    }

    @GetMapping("/me/children")
    List<ChildJson> children(@AuthenticationPrincipal VillageUser user) {
        return accounts.children(user.id()).stream()
                .map(c -> new ChildJson(c.id(), c.nickname(), c.birthMonth().toString(), c.ageMonths(clock))).toList();
    }

    @PostMapping("/me/children")
    @ResponseStatus(HttpStatus.CREATED)
    ChildJson addChild(@AuthenticationPrincipal VillageUser user, @RequestBody NewChild child) {
        ChildProfile added = accounts.addChild(user.id(), child.nickname(), child.birthMonth());
        return new ChildJson(added.id(), added.nickname(), added.birthMonth().toString(),
                added.ageMonths(clock));
    }

    @DeleteMapping("/me/children/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeChild(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id) {
        accounts.removeChild(user.id(), id);
    }

    @Operation(summary = "Change the password", description = "Ends every other session of the member.")
    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal VillageUser user, @RequestBody PasswordChange change,
                        HttpServletRequest request) {
        var session = request.getSession(false);
        accounts.changePassword(user.id(), change.currentPassword(), change.newPassword(), session == null ? null : session.getId());
    }

    @Operation(summary = "Everything Village holds about the member, as JSON")
    @GetMapping("/me/export")
    Map<String, Object> export(@AuthenticationPrincipal VillageUser user) {
        return accounts.export(user.id());
    }

    @Operation(summary = "Erase the account", description = "contentChoice ANONYMISE keeps posts and replies without a name; REMOVE deletes them.")
    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@AuthenticationPrincipal VillageUser user, @RequestBody Erasure erasure, HttpServletRequest request) {
        ContentChoice choice;
        try {
            choice = erasure.contentChoice() == null ? null : ContentChoice.valueOf(erasure.contentChoice().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("contentChoice", "contentChoice must be ANONYMISE or REMOVE.");
        }
        accounts.erase(user.id(), erasure.password(), choice);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    @Operation(summary = "Grant a role (admins only)")
    @PostMapping("/admin/roles")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> grant(@AuthenticationPrincipal VillageUser admin, @RequestBody RoleGrant grant) {
        boolean granted = accounts.grant(admin.id(), grant.email(), grant.role());
        return Map.of("granted", granted);
    }
}
