package app.village.safety.alerts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlertProperties.class, SmtpProperties.class, WebPushProperties.class})
class AlertConfiguration {
}
