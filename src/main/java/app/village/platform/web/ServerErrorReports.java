package app.village.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, when a request never reaches Village (an address it cannot decode, such as
 * {@code /api/posts/%FF%FE}): Tomcat's bare "HTTP Status 400" page, even for the API. Its error report is
 * replaced by one that answers like the rest of Village: a problem document under {@code /api/}, a page with the
 * crisis link elsewhere. It runs after Spring Boot's own customizer, which installs the report this one replaces.
 */
@Component
class ServerErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    static final String UNREADABLE = "The address or the request could not be read. Please check the link.";

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost standardHost) {
                // Else the host adds Tomcat's plain report at start, as it finds none of that exact class.
                standardHost.setErrorReportValveClass(InVillagesWords.class.getName());
            }
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof InVillagesWords)) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new InVillagesWords());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static final class InVillagesWords extends ErrorReportValve {

        public InVillagesWords() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            boolean api = EarlyRefusal.api(request.getRequestURI());
            try {
                response.setContentType(EarlyRefusal.contentType(api));
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(EarlyRefusal.body(api, status, status == 400 ? UNREADABLE : null));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer already started: there is nobody left to tell.
            }
        }
    }
}
