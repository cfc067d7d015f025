package app.village.safety;

import java.time.LocalDate;

/**
 * One service a person in crisis can reach: by phone, by text or online. Labels are what a
 * person reads ("1-833-TLC-MAMA (1-833-852-6262)"); the numbers are what a phone dials.
 *
 * @param forWhat who the service is for, in plain words
 * @param source the organisation's own page this entry was checked against
 * @param checked the day it was last checked
 */
public record CrisisLine(String name, String call, String callLabel, String text, String textLabel,
                         String chat, String chatLabel, String hours, String forWhat, String source, LocalDate checked) {

    public boolean canCall() {
        return call != null && !call.isBlank();
    }

    public boolean canText() {
        return text != null && !text.isBlank();
    }

    public boolean canChat() {
        return chat != null && !chat.isBlank();
    }

    public String callHref() {
        return canCall() ? "tel:" + dialable(call) : null;
    }

    public String textHref() {
        return canText() ? "sms:" + dialable(text) : null;
    }

    public String callShown() {
        return callLabel != null && !callLabel.isBlank() ? callLabel : call;
    }

    public String textShown() {
        return textLabel != null && !textLabel.isBlank() ? textLabel : text;
    }

    public String chatShown() {
        return chatLabel != null && !chatLabel.isBlank() ? chatLabel : "Chat online";
    }

    static String dialable(String number) {
        return number.replaceAll("[^0-9+]", "");
    }
}
