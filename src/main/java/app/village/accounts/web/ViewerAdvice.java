package app.village.accounts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.village.accounts.VillageUser;

/** Puts the signed-in member (or nobody) into every page's model as {@code viewer}. */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

    @ModelAttribute("viewer")
    VillageUser viewer(@AuthenticationPrincipal VillageUser user) {
        return user;
    }
}
