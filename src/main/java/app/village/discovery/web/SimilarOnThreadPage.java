package app.village.discovery.web;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.village.accounts.VillageUser;
import app.village.discovery.SimilarStories;
import app.village.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts "parents who wrote something like this" into the community's thread page, whose template
 * includes the fragment {@code discovery/search :: similar}. Done here, after the community's own
 * controller, so the community needs to know nothing of discovery.
 */
@Configuration(proxyBeanMethods = false)
class SimilarOnThreadPage implements WebMvcConfigurer {

    static final String THREAD_VIEW = "community/thread";
    static final int SHOWN = 5;
    private static final Logger log = LoggerFactory.getLogger(SimilarOnThreadPage.class);

    private final SimilarStories similar;

    SimilarOnThreadPage(SimilarStories similar) {
        this.similar = similar;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                if (view != null && THREAD_VIEW.equals(view.getViewName()) && response.getStatus() < 400) {
                    addSimilar(request, view);
                }
            }
        }).addPathPatterns("/posts/*");
    }

    private void addSimilar(HttpServletRequest request, ModelAndView view) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (auth == null || !(auth.getPrincipal() instanceof VillageUser viewer) || vars == null || vars.get("id") == null) {
            return;
        }
        boolean mine = "true".equals(request.getParameter("similarMine"));
        try {
            UUID postId = UUID.fromString(vars.get("id"));
            view.addObject("similar", similar.similarTo(postId, viewer.id(), mine, SHOWN));
            view.addObject("similarMine", mine);
            // Only the writer's page (the one with notes for its writer) waits for its post to be filed: no look for others.
            view.addObject("similarPending", view.getModel().containsKey("notes") && similar.awaitingFiling(postId, viewer.id()));
        } catch (NotFoundException | IllegalArgumentException e) {
            // The thread page itself has said what is wrong; nothing to add.
        } catch (RuntimeException e) {
            // Similar stories are a help, not the page: the parent's thread is shown without them.
            log.warn("Similar stories could not be found for a thread page: {}", e.getClass().getSimpleName());
        }
    }
}
