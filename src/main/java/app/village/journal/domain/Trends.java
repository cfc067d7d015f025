package app.village.journal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The charts and patterns of a member's check-ins. */
@Service
public class Trends {

    private final CheckInRepository checkIns;
    private final CheckInService service;

    Trends(CheckInRepository checkIns, CheckInService service) {
        this.checkIns = checkIns;
        this.service = service;
    }

    @Transactional(readOnly = true)
    public ChartPage charts(UUID memberId, ChartRange range, LocalDate today) {
        LocalDate from = range == ChartRange.ALL ? null : today.minusDays(range.days() - 1);
        List<CheckIn> list = checkIns.between(memberId, from, today);
        return ChartBuilder.build(range, today, list, service.childNames(memberId, list));
    }

    @Transactional(readOnly = true)
    public List<Pattern> patterns(UUID memberId, LocalDate today) {
        return PatternFinder.find(checkIns.between(memberId, today.minusDays(PatternFinder.WINDOW_DAYS), today), today);
    }
}
