package app.village.surface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The forms of a page as a browser sees them: where each posts, and the names of the fields it sends. */
final class Forms {

    record Form(String action, Set<String> fields) {
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern POST = Pattern.compile("\\bmethod=\"post\"", Pattern.CASE_INSENSITIVE);

    private Forms() {
    }

    /** The forms that post, with their action's path (no query) and field names ({@code _csrf} left out). */
    static List<Form> posting(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String attributes = form.group(1);
            Matcher action = ACTION.matcher(attributes);
            if (!POST.matcher(attributes).find() || !action.find()) {
                continue;
            }
            String path = action.group(1).replace("&amp;", "&").split("[?#]", 2)[0];
            Set<String> fields = new LinkedHashSet<>();
            Matcher field = FIELD.matcher(form.group(2));
            while (field.find()) {
                Matcher name = NAME.matcher(field.group(1));
                if (name.find() && !name.group(1).equals("_csrf")) {
                    fields.add(name.group(1));
                }
            }
            forms.add(new Form(path, fields));
        }
        return forms;
    }
}
