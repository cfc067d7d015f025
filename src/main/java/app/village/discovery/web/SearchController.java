package app.village.discovery.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.village.accounts.FamilyRole;
import app.village.accounts.VillageUser;
import app.village.discovery.SimilarStories;
import app.village.discovery.StorySearch;
import app.village.discovery.StorySearchResult;
import app.village.platform.InvalidInputException;
import app.village.understanding.Theme;
import jakarta.servlet.http.HttpServletResponse;

/** The story search page: words, a theme, the child's age and who wrote it. */
@Controller
class SearchController {

    /** The age choices of the page, in months: a tired parent picks a stage, not two numbers. */
    enum AgeRange {
        PREGNANCY_TO_3_MONTHS("0-3", "under 4 months", 0, 3),
        MONTHS_4_TO_6("4-6", "4 to 6 months", 4, 6),
        MONTHS_7_TO_12("7-12", "7 to 12 months", 7, 12),
        YEAR_1_TO_2("13-24", "1 to 2 years", 13, 24),
        YEAR_2_TO_3("25-36", "2 to 3 years", 25, 36),
        OLDER("37-216", "over 3 years", 37, 216);

        final String code;
        final String label;
        final int min;
        final int max;

        AgeRange(String code, String label, int min, int max) {
            this.code = code;
            this.label = label;
            this.min = min;
            this.max = max;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static AgeRange of(String code) {
            return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("age", "Choose a child's age from the list."));
        }
    }

    private final SimilarStories similar;

    SearchController(SimilarStories similar) {
        this.similar = similar;
    }

    @GetMapping("/stories/search")
    String search(@AuthenticationPrincipal VillageUser user,
                  @RequestParam(required = false) String q,
                  @RequestParam(required = false) String theme,
                  @RequestParam(required = false) String age,
                  @RequestParam(required = false) String role,
                  @RequestParam(required = false) String mine,
                  @RequestParam(required = false) String page,
                  Model model, HttpServletResponse response) {
        model.addAttribute("q", q);
        model.addAttribute("theme", theme);
        model.addAttribute("age", age);
        model.addAttribute("role", role);
        model.addAttribute("mine", "true".equals(mine));
        model.addAttribute("themes", Theme.values());
        model.addAttribute("ages", AgeRange.values());
        model.addAttribute("roles", FamilyRole.values());
        boolean asked = notBlank(q) || notBlank(theme) || notBlank(age) || notBlank(role);
        if (!asked) {
            return "discovery/search";
        }
        try {
            AgeRange range = notBlank(age) ? AgeRange.of(age) : null;
            StorySearch search = SearchParams.of(q, theme == null ? List.of() : List.of(theme),
                    range == null ? null : String.valueOf(range.min), range == null ? null : String.valueOf(range.max),
                    role, mine, page);
            StorySearchResult result = similar.search(search, user.id());
            model.addAttribute("result", result);
            if (result.hasNext()) {
                model.addAttribute("nextHref", href(q, theme, age, role, mine, result.page() + 1));
            }
            if (result.page() > 1) {
                model.addAttribute("previousHref", href(q, theme, age, role, mine, result.page() - 1));
            }
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
        }
        return "discovery/search";
    }

    private static String href(String q, String theme, String age, String role, String mine, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/stories/search");
        add(b, "q", q);
        add(b, "theme", theme);
        add(b, "age", age);
        add(b, "role", role);
        add(b, "mine", mine);
        return b.queryParam("page", page).build().encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (notBlank(value)) {
            b.queryParam(name, value);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
