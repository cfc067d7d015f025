package app.village.guidance.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The links a guide may carry: a well-formed https address with a real host name, a path inside
 * Village, or a telephone number ({@code tel:116123}). Plain http, other schemes, spaces and
 * fragments of markup are refused.
 */
final class GuideLinks {

    private static final Pattern SITE_PATH = Pattern.compile("/[a-z0-9/_-]*(#[a-z0-9_-]+)?");
    /** A telephone number to call from a phone: digits only, an optional leading +. */
    private static final Pattern PHONE = Pattern.compile("tel:\\+?[0-9]{3,15}");
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");

    private GuideLinks() {
    }

    static void check(String file, String link) {
        if (link == null || link.isBlank()) {
            throw new InvalidGuideException(file, "has an empty link");
        }
        if (link.startsWith("tel:")) {
            if (!PHONE.matcher(link).matches()) {
                throw new InvalidGuideException(file, "has a malformed telephone link (digits only, as tel:116123): " + link);
            }
            return;
        }
        if (link.startsWith("/")) {
            if (link.startsWith("//") || !SITE_PATH.matcher(link).matches()) {
                throw new InvalidGuideException(file, "has a malformed link inside Village: " + link);
            }
            return;
        }
        checkExternal(file, link);
    }

    static void checkExternal(String file, String link) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw new InvalidGuideException(file, "has a malformed link: " + link);
        }
        String host = uri.getHost();
        if (!"https".equals(uri.getScheme()) || host == null || uri.getUserInfo() != null || uri.getPort() != -1
                || !HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidGuideException(file, "has a link that is not a well-formed https address: " + link);
        }
    }
}
