package com.complaintflow.analytics.journal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An amount of money in whole cents, computed in bounded time and memory whatever the
 * amount's exponent ({@code 1E-60000} and {@code 1E+999999999} are answered at once):
 * amounts below half a cent round to 0, negative amounts and amounts of
 * {@value #MAX_DIGITS} digits or more before the point are rejected (counted as 0, with
 * the reason).
 *
 * @param value the amount in cents, 0 when rejected
 * @param rejected why the amount was not counted, or null
 */
public record Cents(long value, String rejected) {

	/** Amounts from 10^12 units (a trillion) up are rejected. */
	static final int MAX_DIGITS = 13;

	/** The amount in cents, or 0 with the reason it was not counted. */
	public static Cents of(BigDecimal amount) {
		if (amount.signum() == 0) {
			return new Cents(0, null);
		}
		if (amount.signum() < 0) {
			return new Cents(0, "negative");
		}
		// Digits before the decimal point: 1 for 5.00, -59999 for 1E-60000. Both operands
		// are ints read from the number, nothing is expanded.
		long integerDigits = (long) amount.precision() - amount.scale();
		if (integerDigits >= MAX_DIGITS) {
			return new Cents(0, "too large");
		}
		if (integerDigits < -2) {
			// Below 0.001: rounds to 0 cents.
			return new Cents(0, null);
		}
		// Only the digits down to a tenth of a cent matter: cutting the rest off first
		// (not
		// rounding, so the half-cent rounding below sees the true digit) keeps setScale
		// from working on a long mantissa.
		BigDecimal bounded = amount.round(new MathContext((int) integerDigits + 3, RoundingMode.DOWN));
		return new Cents(bounded.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact(), null);
	}

}
