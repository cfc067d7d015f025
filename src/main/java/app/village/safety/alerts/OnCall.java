package app.village.safety.alerts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.village.accounts.Member;
import app.village.accounts.Role;
import app.village.accounts.StaffContacts;
import app.village.accounts.VillageUser;
import app.village.platform.ForbiddenException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.safety.queue.AuditLog;

/**
 * Who is on call: moderators who said so themselves, and whoever the weekly rota names for this hour;
 * and who comes next on the rota. Only members who still hold the moderator or admin role count, so a
 * revoked role takes someone off call at once.
 */
@Service
public class OnCall {

    private final OnCallRepository repository;
    private final StaffContacts staff;
    private final AuditLog audit;
    private final AlertProperties properties;
    private final Clock clock;

    OnCall(OnCallRepository repository, StaffContacts staff, AuditLog audit, AlertProperties properties, Clock clock) {
        this.repository = repository;
        this.staff = staff;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record Person(UUID id, String handle) {
    }

    /** @param next the next person the rota brings on call who is not on call now; null when the rota names nobody */
    public record Roster(List<Person> now, Person next, Instant nextFrom, boolean viewerOnCall) {
    }

    public record Slot(UUID id, Person person, DayOfWeek day, LocalTime start, LocalTime end) {

        public String endText() {
            return end == null ? "24:00" : end.toString();
        }
    }

    @Transactional
    public void set(VillageUser user, boolean onCall) {
        requireStaff(user);
        Instant now = clock.instant();
        boolean changed = onCall ? repository.setOnCall(user.id(), now) : repository.setOffCall(user.id());
        if (changed) {
            audit.record(user.id(), onCall ? "ON_CALL" : "OFF_CALL", null, null, null, null, null, null, now);
        }
    }

    @Transactional(readOnly = true)
    public Roster roster(VillageUser viewer) {
        requireStaff(viewer);
        Roster roster = roster(clock.instant());
        return new Roster(roster.now(), roster.next(), roster.nextFrom(),
                roster.now().stream().anyMatch(p -> p.id().equals(viewer.id())));
    }

    /** On call at {@code at}, in the order they came on (self-declared first, then the rota's). */
    @Transactional(readOnly = true)
    public Roster roster(Instant at) {
        Map<UUID, Person> eligible = eligible();
        Set<UUID> now = new LinkedHashSet<>(repository.onCall());
        ZonedDateTime local = at.atZone(properties.rotaZone());
        int minute = local.getHour() * 60 + local.getMinute();
        List<OnCallRepository.Slot> slots = repository.slots();
        for (OnCallRepository.Slot s : slots) {
            if (s.dayOfWeek() == local.getDayOfWeek().getValue() && s.startMinute() <= minute && minute < s.endMinute()) {
                now.add(s.memberId());
            }
        }
        now.retainAll(eligible.keySet());
        Person next = null;
        ZonedDateTime nextFrom = null;
        for (OnCallRepository.Slot s : slots) {
            if (now.contains(s.memberId()) || !eligible.containsKey(s.memberId())) {
                continue;
            }
            ZonedDateTime starts = nextStart(s, local);
            if (nextFrom == null || starts.isBefore(nextFrom)) {
                next = eligible.get(s.memberId());
                nextFrom = starts;
            }
        }
        return new Roster(now.stream().map(eligible::get).toList(), next, nextFrom == null ? null : nextFrom.toInstant(), false);
    }

    /** The admins, who are alerted last. */
    @Transactional(readOnly = true)
    public List<Person> admins() {
        return staff.withRole(Role.ADMIN).stream().map(m -> new Person(m.id(), m.handle())).toList();
    }

    @Transactional(readOnly = true)
    public List<Slot> rota() {
        Map<UUID, Person> eligible = eligible();
        List<Slot> slots = new ArrayList<>();
        for (OnCallRepository.Slot s : repository.slots()) {
            Person person = eligible.getOrDefault(s.memberId(), new Person(s.memberId(), null));
            slots.add(new Slot(s.id(), person, DayOfWeek.of(s.dayOfWeek()), minuteTime(s.startMinute()),
                    s.endMinute() == 1440 ? null : minuteTime(s.endMinute())));
        }
        return slots;
    }

    /** Moderators and admins, whom an admin can put on the rota. */
    @Transactional(readOnly = true)
    public List<Person> staff() {
        return List.copyOf(eligible().values());
    }

    /** Adds a weekly slot; {@code end} "24:00" means until midnight. */
    @Transactional
    public UUID addSlot(VillageUser admin, UUID memberId, String day, String start, String end) {
        requireAdmin(admin);
        if (memberId == null || !eligible().containsKey(memberId)) {
            throw new InvalidInputException("memberId", "Choose a moderator or an admin.");
        }
        DayOfWeek dayOfWeek;
        try {
            dayOfWeek = DayOfWeek.valueOf(day == null ? "" : day.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("day", "Choose a day of the week.");
        }
        int from = minutes("start", start);
        int to = "24:00".equals(end == null ? null : end.strip()) ? 1440 : minutes("end", end);
        if (to <= from) {
            throw new InvalidInputException("end", "The slot must end after it starts (use 24:00 for midnight).");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        repository.addSlot(new OnCallRepository.Slot(id, memberId, dayOfWeek.getValue(), from, to), now);
        audit.record(admin.id(), "ROTA_ADD", null, null, memberId, null, dayOfWeek + " " + start + "-" + end, null, now);
        return id;
    }

    @Transactional
    public void removeSlot(VillageUser admin, UUID slotId) {
        requireAdmin(admin);
        if (!repository.removeSlot(slotId)) {
            throw new NotFoundException("This rota slot does not exist.");
        }
        audit.record(admin.id(), "ROTA_REMOVE", null, null, null, null, null, "slot " + slotId, clock.instant());
    }

    @Transactional
    public void forget(UUID memberId) {
        repository.forget(memberId);
    }

    private Map<UUID, Person> eligible() {
        Map<UUID, Person> people = new LinkedHashMap<>();
        for (Role role : List.of(Role.MODERATOR, Role.ADMIN)) {
            for (Member m : staff.withRole(role)) {
                people.putIfAbsent(m.id(), new Person(m.id(), m.handle()));
            }
        }
        return people;
    }

    private static ZonedDateTime nextStart(OnCallRepository.Slot s, ZonedDateTime local) {
        for (int d = 0; d <= 7; d++) {
            LocalDate date = local.toLocalDate().plusDays(d);
            if (date.getDayOfWeek().getValue() == s.dayOfWeek()) {
                ZonedDateTime starts = date.atTime(minuteTime(s.startMinute())).atZone(local.getZone());
                if (starts.isAfter(local)) {
                    return starts;
                }
            }
        }
        throw new IllegalStateException("a weekly slot always starts within eight days");
    }

    private static LocalTime minuteTime(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    private static int minutes(String field, String text) {
        try {
            LocalTime t = LocalTime.parse(text == null ? "" : text.strip());
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Give a time as HH:MM, for example 09:00.");
        }
    }

    private static void requireStaff(VillageUser user) {
        if (user == null || !(user.has(Role.MODERATOR) || user.has(Role.ADMIN))) {
            throw new ForbiddenException("Only moderators and admins can be on call.");
        }
    }

    private static void requireAdmin(VillageUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only admins can set the rota.");
        }
    }

    Optional<Person> person(UUID id) {
        return Optional.ofNullable(eligible().get(id));
    }
}
