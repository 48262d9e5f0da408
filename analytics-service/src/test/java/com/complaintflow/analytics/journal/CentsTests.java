package com.complaintflow.analytics.journal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.complaintflow.analytics.TestEvents;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.Playbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts to cents: exact for ordinary amounts, and bounded in time and memory for any
 * exponent (issue 14: {@code 1E-60000} must never loop or run out of memory).
 */
class CentsTests {

	@Test
	void ordinaryAmountsRoundHalfUpToTheCent() {
		assertThat(Cents.of(new BigDecimal("30.00"))).isEqualTo(new Cents(3000, null));
		assertThat(Cents.of(new BigDecimal("5.005"))).isEqualTo(new Cents(501, null));
		assertThat(Cents.of(new BigDecimal("5.00499999999"))).isEqualTo(new Cents(500, null));
		assertThat(Cents.of(new BigDecimal("0.005"))).isEqualTo(new Cents(1, null));
		assertThat(Cents.of(new BigDecimal("0.0049"))).isEqualTo(new Cents(0, null));
		assertThat(Cents.of(new BigDecimal("999999999999.99"))).isEqualTo(new Cents(99_999_999_999_999L, null));
	}

	@Test
	@Timeout(60) // a guard against the unbounded loop this replaced, not a speed check
	void extremeExponentsAreAnsweredAtOnce() {
		assertThat(Cents.of(new BigDecimal("1E-60000"))).isEqualTo(new Cents(0, null));
		assertThat(Cents.of(new BigDecimal("1E-999999999"))).isEqualTo(new Cents(0, null));
		assertThat(Cents.of(new BigDecimal("1E+999999999"))).isEqualTo(new Cents(0, "too large"));
		assertThat(Cents.of(new BigDecimal("1E+12"))).isEqualTo(new Cents(0, "too large"));
		assertThat(Cents.of(new BigDecimal("-3.00"))).isEqualTo(new Cents(0, "negative"));
		assertThat(Cents.of(new BigDecimal("1." + "3".repeat(20_000)))).isEqualTo(new Cents(133, null));
	}

	@Test
	@Timeout(60) // a guard against the unbounded loop this replaced, not a speed check
	void aRejectedAmountCountsAsZeroAndTheEntryKeepsTheReason() {
		TestEvents life = new TestEvents("c-1", Instant.parse("2026-11-22T07:10:00Z"), Channel.APP, Category.BILLING,
				"BJ-CY", Playbook.BILLING_ERROR);

		JournalEntry chosen = JournalEntry.of(life.chosen(Duration.ofMinutes(5), "1E+999999999"));
		JournalEntry offered = JournalEntry.of(life.offered(Duration.ofMinutes(5), "1E-60000"));

		assertThat(chosen.number("cents", -1)).isZero();
		assertThat(chosen.text("amountRejected")).isEqualTo("too large");
		assertThat(offered.number("maxCents", -1)).isZero();
		assertThat(offered.text("amountRejected")).isNull();
	}

}
