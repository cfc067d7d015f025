package app.village.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import jakarta.servlet.Filter;

/**
 * HTTP sessions live in PostgreSQL (any node serves any request); this puts {@link QuietSessionRepository}
 * in front of Spring Session's JDBC store, so a signed-in page reads its session once and writes it only
 * when it changed. The session filter and the accounts module's session terminator get the wrapper.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionStore.SessionProperties.class)
class SessionStore {

    /**
     * Wraps the JDBC store where Spring Boot made it: a session repository bean of our own would make Boot's
     * session auto-configuration back off altogether (table name, timeout and clean-up included).
     */
    @Bean
    static BeanPostProcessor quietSessions(ObjectProvider<SessionProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc
                        ? new QuietSessionRepository(jdbc, properties.getObject().touchEvery())
                        : bean;
            }
        };
    }

    /** Just outside Spring Session's filter: the span within which a session found once is not read again. */
    @Bean
    FilterRegistrationBean<Filter> sessionsFoundOncePerRequest() {
        Filter filter = (request, response, chain) -> QuietSessionRepository.withinRequest(() -> chain.doFilter(request, response));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("sessionsFoundOncePerRequest");
        return registration;
    }

    /**
     * {@code village.sessions.touch-every} ({@code VILLAGE_SESSIONS_TOUCH_EVERY}): how stale a session's
     * last access time may get before a request writes it again.
     */
    @ConfigurationProperties("village.sessions")
    record SessionProperties(@DefaultValue("1m") Duration touchEvery) {
    }
}
