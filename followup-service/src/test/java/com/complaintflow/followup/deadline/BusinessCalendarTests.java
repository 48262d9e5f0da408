package com.complaintflow.followup.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Business hours skip nights, weekends and holidays, in the calendar's time zone.
 */
class BusinessCalendarTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String DAY = "09:00-18:00";

	final BusinessCalendar calendar = new BusinessCalendar(
			new CalendarSpec(SHANGHAI, Map.of(DayOfWeek.MONDAY, DAY, DayOfWeek.TUESDAY, DAY, DayOfWeek.WEDNESDAY, DAY,
					DayOfWeek.THURSDAY, DAY, DayOfWeek.FRIDAY, DAY), List.of(LocalDate.of(2026, 12, 25))));

	@Test
	void theShippedCalendarClosesOnNextYearsStatutoryHolidays() throws java.io.IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("followup", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		MilestoneSettings settings = new Binder(ConfigurationPropertySources.get(environment))
			.bind("complaintflow.followup.milestones", MilestoneSettings.class)
			.get();
		CalendarSpec shipped = settings.calendars().get("default");
		BusinessCalendar calendar = new BusinessCalendar(shipped);

		// the evening before National Day 2027: the next opening hour is after the three
		// days off (Monday 4 October)
		assertThat(calendar.plus(at(2027, 9, 30, 18, 0), Duration.ofHours(1))).isEqualTo(at(2027, 10, 4, 10, 0));
		assertThat(calendar.plus(at(2027, 6, 8, 18, 0), Duration.ofHours(1))).isEqualTo(at(2027, 6, 10, 10, 0));
		assertThat(shipped.holidaysEndBefore(LocalDate.of(2027, 10, 1))).isFalse();
		assertThat(shipped.holidaysEndBefore(LocalDate.of(2027, 10, 4))).isTrue();
	}

	@Test
	void windowStartingFridayAfternoonContinuesOnMonday() {
		Instant friday = at(2026, 11, 20, 16, 0);

		Instant due = this.calendar.plus(friday, Duration.ofHours(4));

		assertThat(due).isEqualTo(at(2026, 11, 23, 11, 0));
		assertThat(this.calendar.between(friday, due)).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void holidayBeforeAWeekendIsSkippedToo() {
		Instant christmasEve = at(2026, 12, 24, 17, 0);

		Instant due = this.calendar.plus(christmasEve, Duration.ofHours(2));

		assertThat(due).isEqualTo(at(2026, 12, 28, 10, 0));
		assertThat(this.calendar.between(christmasEve, at(2026, 12, 27, 23, 0))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void windowStartingAtNightStartsAtTheNextOpening() {
		Instant night = at(2026, 11, 24, 23, 30);

		assertThat(this.calendar.plus(night, Duration.ofMinutes(30))).isEqualTo(at(2026, 11, 25, 9, 30));
		assertThat(this.calendar.plus(night, Duration.ZERO)).isEqualTo(at(2026, 11, 25, 9, 0));
	}

	@Test
	void timeOutsideOpeningHoursDoesNotCount() {
		assertThat(this.calendar.between(at(2026, 11, 21, 8, 0), at(2026, 11, 22, 20, 0))).isZero();
		assertThat(this.calendar.between(at(2026, 11, 23, 8, 0), at(2026, 11, 23, 9, 15)))
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void calendarWithoutOpeningHoursIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessCalendar(new CalendarSpec(SHANGHAI, Map.of(), List.of())));
	}

	static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant();
	}

}
