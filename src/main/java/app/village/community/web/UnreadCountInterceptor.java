package app.village.community.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.village.accounts.VillageUser;
import app.village.community.domain.CommunityService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the unread notification count into every rendered page. It runs after the handler, so a
 * page that has just marked notifications read (opening the thread) shows the count after that,
 * and it costs nothing for redirects and JSON.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCountInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final CommunityService community;

    UnreadCountInterceptor(CommunityService community) {
        this.community = community;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/actuator/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof VillageUser user) {
            mav.addObject("unreadNotifications", community.unreadNotifications(user.id()));
        }
    }
}
