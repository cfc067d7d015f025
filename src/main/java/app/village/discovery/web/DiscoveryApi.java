package app.village.discovery.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.village.accounts.VillageUser;
import app.village.discovery.SimilarStories;
import app.village.discovery.SimilarStory;
import app.village.discovery.StorySearchResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api")
@Tag(name = "Discovery", description = "Similar stories and the story search (community posts only; never private, hidden or deleted ones)")
class DiscoveryApi {

    private final SimilarStories similar;

    DiscoveryApi(SimilarStories similar) {
        this.similar = similar;
    }

    @Operation(summary = "Parents who wrote something like this post",
            description = "Community posts closest to this one in words and meaning, best first. Posts by the same writer are "
                    + "left out, and your own unless mine=true. 404 when the post does not exist or you may not read it.")
    @GetMapping("/posts/{id}/similar")
    List<SimilarStory> similar(@AuthenticationPrincipal VillageUser user, @PathVariable UUID id,
                               @Parameter(description = "1 to 10, default 5") @RequestParam(required = false) String limit,
                               @Parameter(description = "true to include your own posts") @RequestParam(required = false) String mine) {
        Integer n = SearchParams.integer("limit", limit, "The limit");
        return similar.similarTo(id, user.id(), SearchParams.flag("mine", mine), n == null ? 5 : n);
    }

    @Operation(summary = "Search community stories",
            description = "By words (ranked by words and meaning together) and filters; without words, newest first. "
                    + "20 a page. Errors name the parameter at fault in 'field'.")
    @GetMapping("/search")
    StorySearchResult search(@AuthenticationPrincipal VillageUser user,
                             @Parameter(description = "words, up to 300 characters") @RequestParam(required = false) String q,
                             @Parameter(description = "theme codes of TAXONOMY.md (repeat for several: any of them)")
                             @RequestParam(name = "theme", required = false) List<String> themes,
                             @Parameter(description = "youngest child's age in months, 0-216") @RequestParam(required = false) String minAge,
                             @Parameter(description = "oldest child's age in months, 0-216") @RequestParam(required = false) String maxAge,
                             @Parameter(description = "mother, father, partner or other_carer") @RequestParam(required = false) String role,
                             @Parameter(description = "true to include your own posts") @RequestParam(required = false) String mine,
                             @Parameter(description = "1-25") @RequestParam(required = false) String page) {
        return similar.search(SearchParams.of(q, themes, minAge, maxAge, role, mine, page), user.id());
    }
}
