package app.village.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Village's static files: {@code /css/**}, {@code /js/**} and {@code /favicon.svg}, and nothing else.
 *
 * <p>Spring Boot's default mapping serves {@code classpath:/static/} at {@code /**}, and with the
 * resource chain on (springdoc's webjars locator turns it on) every URL a page writes goes through
 * {@code ResourceUrlEncodingFilter}: a link to {@code /posts/{id}} matched {@code /**}, was looked up
 * in the jar on every request, found nothing, and a miss is never cached. That was 78% of the CPU of
 * the thread page under load. With the default mapping off ({@code spring.web.resources.add-mappings:
 * false}) and only these patterns mapped, a link that is not a static file matches no pattern and
 * costs nothing; a static file's URL gets a content hash (computed once, then cached by the chain),
 * so browsers may keep it for a year and still see a new version at once.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        serve(registry, "/css/**", "classpath:/static/css/");
        serve(registry, "/js/**", "classpath:/static/js/");
        // A pattern, not the exact path: an exact pattern leaves no file name for the resolvers to look up.
        serve(registry, "/*.svg", "classpath:/static/");
    }

    private static void serve(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
