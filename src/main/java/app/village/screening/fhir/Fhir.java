package app.village.screening.fhir;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The FHIR R4 context, built once on first use: it takes a second or more and most requests
 * never need it, so start-up does not wait for it (ADR 0008).
 */
@Component
public class Fhir {

    private static final Logger log = LoggerFactory.getLogger(Fhir.class);
    private volatile FhirContext context;

    public FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    long start = System.nanoTime();
                    c = FhirContext.forR4();
                    c.newJsonParser().parseResource("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");
                    log.info("FHIR R4 context ready in {} ms", (System.nanoTime() - start) / 1_000_000);
                    context = c;
                }
            }
        }
        return c;
    }

    /**
     * Builds the context in the background once the application is up, so neither start-up nor
     * (usually) the first export waits for it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        // A platform thread: loading thousands of classes from the nested jar on a virtual thread pins
        // its carrier, and with the model loading at the same time on a 2-core machine every carrier
        // was pinned and start-up hung.
        Thread.ofPlatform().daemon().name("fhir-warm-up").start(this::context);
    }

    public IParser json() {
        return context().newJsonParser();
    }
}
