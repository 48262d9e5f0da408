package com.complaintflow.events.time;

import java.time.DateTimeException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instant is accepted from its first to its last four-digit year, both bounds
 * included, and a mapper with the module rejects one outside, naming the field.
 */
class InstantRangeTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new InstantRangeModule()).build();

	@Test
	void bothBoundsAndAnOrdinaryInstantAreAccepted() {
		for (String accepted : new String[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
				"2026-11-22T07:30:00Z" }) {
			Instant instant = Instant.parse(accepted);
			assertThat(InstantRange.contains(instant)).as(accepted).isTrue();
			assertThat(InstantRange.check(instant)).isEqualTo(instant);
		}
		assertThat(InstantRange.check(null)).isNull();
	}

	@Test
	void justOutsideEitherBoundAndAbsurdYearsAreRejected() {
		for (Instant rejected : new Instant[] { InstantRange.MIN.minusNanos(1), InstantRange.MAX.plusNanos(1),
				Instant.parse("+300000000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX }) {
			assertThat(InstantRange.contains(rejected)).as(rejected.toString()).isFalse();
			assertThatThrownBy(() -> InstantRange.check(rejected)).isInstanceOf(DateTimeException.class)
				.hasMessageContaining("four-digit year");
		}
	}

	@Test
	void aMapperWithTheModuleReadsAnInstantInRangeAsBefore() {
		assertThat(MAPPER.readValue("{\"at\":\"2026-11-22T07:30:00Z\"}", At.class).at())
			.isEqualTo(Instant.parse("2026-11-22T07:30:00Z"));
		assertThat(MAPPER.readValue("{\"at\":null}", At.class).at()).isNull();
	}

	@Test
	void aMapperWithTheModuleRejectsAnInstantOutOfRangeNamingTheField() {
		assertThatThrownBy(() -> MAPPER.readValue("{\"at\":\"+300000000-01-01T00:00:00Z\"}", At.class))
			.isInstanceOfSatisfying(InvalidFormatException.class, (ex) -> {
				assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo("at");
				assertThat(ex.getOriginalMessage()).contains("four-digit year");
			});
		assertThatThrownBy(() -> MAPPER.readValue("{\"at\":\"-0001-12-31T23:59:59Z\"}", At.class))
			.isInstanceOf(InvalidFormatException.class);
	}

	record At(Instant at) {
	}

}
