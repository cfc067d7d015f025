package app.village.journal.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.ChildProfile;
import app.village.accounts.MemberDirectory;
import app.village.platform.ConflictException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.platform.UserText;

/** Daily check-ins: one a day per member, in the member's time zone, back-filled up to a week. */
@Service
public class CheckInService {

    public static final int NOTE_MAX = 2000;

    private final CheckInRepository checkIns;
    private final PreferenceRepository preferences;
    private final MemberDirectory members;
    private final Clock clock;

    CheckInService(CheckInRepository checkIns, PreferenceRepository preferences, MemberDirectory members, Clock clock) {
        this.checkIns = checkIns;
        this.preferences = preferences;
        this.members = members;
        this.clock = clock;
    }

    /** A saved check-in, and whether it was new or edited one already there. */
    public record Saved(CheckIn checkIn, boolean created) {
    }

    /** A child (or "your baby") whose closeness the check-in asks about. */
    public record Rated(UUID id, String name) {
    }

    /** Now for this member: a valid browser zone first, then the stored one, then UTC. */
    public JournalCalendar.Now now(UUID memberId, String browserZone) {
        return JournalCalendar.at(clock.instant(), zone(memberId, browserZone));
    }

    public ZoneId zone(UUID memberId, String browserZone) {
        ZoneId given = JournalCalendar.zoneOrNull(browserZone);
        if (given != null) {
            return given;
        }
        return preferences.timeZone(memberId).map(JournalCalendar::zoneOrNull).orElse(ZoneOffset.UTC);
    }

    /** Whom the closeness questions are about: each child on the profile, or "your baby" when there is none. */
    public List<Rated> rated(UUID memberId) {
        List<ChildProfile> children = members.children(memberId);
        if (children.isEmpty()) {
            return List.of(new Rated(Closeness.THE_BABY, "your baby"));
        }
        return children.stream().map(c -> new Rated(c.id(), c.nickname())).toList();
    }

    /** Names for every child id that appears in check-ins, including children since removed from the profile. */
    public Map<UUID, String> childNames(UUID memberId, List<CheckIn> seen) {
        Map<UUID, String> names = new LinkedHashMap<>();
        rated(memberId).forEach(r -> names.put(r.id(), r.name()));
        int removed = 0;
        for (CheckIn c : seen) {
            for (Closeness k : c.closeness()) {
                if (!names.containsKey(k.childId())) {
                    names.put(k.childId(), k.childId().equals(Closeness.THE_BABY) ? "your baby"
                            : "a child no longer on your profile" + (removed++ == 0 ? "" : " (" + removed + ")"));
                }
            }
        }
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<CheckIn> find(UUID memberId, LocalDate day) {
        return checkIns.find(memberId, day);
    }

    @Transactional(readOnly = true)
    public CheckIn get(UUID memberId, LocalDate day) {
        return checkIns.find(memberId, day).orElseThrow(() -> new NotFoundException("There is no check-in for that day."));
    }

    @Transactional(readOnly = true)
    public List<CheckIn> between(UUID memberId, LocalDate from, LocalDate to) {
        return checkIns.between(memberId, from, to);
    }

    /**
     * Saves the day's check-in: a new one, or an edit of the one already there ("a second
     * check-in edits the first"). With a version, an edit of a check-in changed meanwhile (on
     * another device) is refused rather than overwriting it.
     */
    @Transactional
    public Saved save(UUID memberId, CheckInDraft draft) {
        Instant at = clock.instant();
        ZoneId browser = JournalCalendar.zoneOrNull(draft.timeZone());
        JournalCalendar.Now now = JournalCalendar.at(at, browser != null ? browser : zone(memberId, null));
        LocalDate day = day(draft.day(), now);
        int mood = score("mood", "Mood", draft.mood(), true);
        List<Closeness> closeness = closeness(memberId, draft.closeness());
        BigDecimal sleep = sleep(draft.sleepHours());
        Medication medication = Medication.parse(draft.medication());
        String note = UserText.optional("note", "The note", draft.note(), NOTE_MAX, true);

        if (browser != null) {
            preferences.saveTimeZone(memberId, browser.getId(), at);
        }
        Optional<Integer> current = checkIns.lockVersion(memberId, day);
        boolean created = false;
        if (current.isEmpty()) {
            if (!now.isChoosable(day)) {
                throw new InvalidInputException("day", "A new check-in can be for today or one of the "
                        + JournalCalendar.BACKFILL_DAYS + " days before. Please choose a day from "
                        + now.oldestNew() + " to " + now.today() + ".");
            }
            created = checkIns.insert(UUID.randomUUID(), memberId, day, mood, sleep, medication, note, at);
        }
        if (!created) {
            int expected = current.or(() -> checkIns.lockVersion(memberId, day)).orElseThrow();
            if (draft.version() != null && draft.version() != expected) {
                CheckIn stored = checkIns.find(memberId, day).orElseThrow();
                Set<UUID> asked = rated(memberId).stream().map(Rated::id).collect(Collectors.toSet());
                if (sameAnswers(stored, asked, mood, closeness, sleep, medication, note)) {
                    // The same edit sent twice (a double tap, a retry): already saved, nothing to refuse.
                    return new Saved(stored, false);
                }
                throw new ConflictException("This day's check-in was changed meanwhile, perhaps on another device. "
                        + "Nothing was saved: open it again to see the latest and change it from there.");
            }
            checkIns.update(memberId, day, expected, mood, sleep, medication, note, at).orElseThrow();
        }
        List<Closeness> kept = new ArrayList<>(closeness);
        if (!created) {
            // A child since removed from the profile is no longer asked about; what was said about them stays.
            Set<UUID> asked = rated(memberId).stream().map(Rated::id).collect(Collectors.toSet());
            checkIns.find(memberId, day).orElseThrow().closeness().stream()
                    .filter(c -> !asked.contains(c.childId())).forEach(kept::add);
            kept.sort(java.util.Comparator.comparing(Closeness::childId));
        }
        checkIns.replaceCloseness(checkIns.idOf(memberId, day), kept);
        return new Saved(checkIns.find(memberId, day).orElseThrow(), created);
    }

    @Transactional
    public void delete(UUID memberId, LocalDate day) {
        if (!checkIns.delete(memberId, day)) {
            throw new NotFoundException("There is no check-in for that day.");
        }
    }

    private static boolean sameAnswers(CheckIn stored, Set<UUID> asked, int mood, List<Closeness> closeness, BigDecimal sleep,
                                       Medication medication, String note) {
        List<Closeness> storedAsked = stored.closeness().stream().filter(c -> asked.contains(c.childId())).toList();
        return stored.mood() == mood && storedAsked.equals(closeness) && stored.medication() == medication
                && java.util.Objects.equals(stored.note(), note)
                && (stored.sleepHours() == null ? sleep == null : sleep != null && stored.sleepHours().compareTo(sleep) == 0);
    }

    /** Parses an ISO date; refuses days still to come in the member's zone. */
    public static LocalDate day(String value, JournalCalendar.Now now) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("day", "Choose the day this check-in is for.");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "Give the day as a date like " + now.today() + ".");
        }
        if (day.isAfter(now.today())) {
            throw new InvalidInputException("day", "That day has not come yet where you are (today is " + now.today()
                    + "). Please choose today or an earlier day.");
        }
        return day;
    }

    static int score(String field, String label, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, label + " is missing: choose a number from 0 to 10.");
            }
            return -1;
        }
        int score;
        try {
            score = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + " must be a whole number from 0 to 10.");
        }
        if (score < 0 || score > 10) {
            throw new InvalidInputException(field, label + " must be from 0 to 10, not " + score + ".");
        }
        return score;
    }

    private List<Closeness> closeness(UUID memberId, Map<UUID, String> given) {
        Set<UUID> allowed = rated(memberId).stream().map(Rated::id).collect(Collectors.toSet());
        List<Closeness> out = new ArrayList<>();
        for (Map.Entry<UUID, String> e : given.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new InvalidInputException("closeness", "Closeness was given for a child who is not on your profile. "
                        + "Please reload the page and try again.");
            }
            int value = score("closeness", "Closeness", e.getValue(), false);
            if (value >= 0) {
                out.add(new Closeness(e.getKey(), value));
            }
        }
        out.sort(java.util.Comparator.comparing(Closeness::childId));
        return out;
    }

    static BigDecimal sleep(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sleepHours", "Give the hours slept as a number, like 6 or 6.5.");
        }
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new InvalidInputException("sleepHours", "Hours slept must be from 0 to 24.");
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("sleepHours", "Give the hours slept with at most two decimals, like 6.5 or 6.25.");
        }
        return hours.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
