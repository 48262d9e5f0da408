package com.complaintflow.events.policy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.complaintflow.events.ValueTier;

/**
 * The one remedy policy of the operator: per customer tier, what an agent may offer on
 * their own and the cap a broken promise may raise it to. Triage proposes remedies within
 * it and follow-up enforces it, so an agent may always offer what triage proposed.
 */
public final class RemedyPolicy {

	/** Amounts are money: at most this many decimals. */
	public static final int MAX_SCALE = 2;

	/** When the company broke a promise, remedies are multiplied by this factor. */
	public static final BigDecimal OVER_COMPENSATION_FACTOR = new BigDecimal("3");

	private static final Map<ValueTier, Limits> TIERS = new EnumMap<>(
			Map.of(ValueTier.STANDARD, new Limits(new BigDecimal("50"), new BigDecimal("150")), ValueTier.SILVER,
					new Limits(new BigDecimal("100"), new BigDecimal("300")), ValueTier.GOLD,
					new Limits(new BigDecimal("200"), new BigDecimal("600")), ValueTier.PLATINUM,
					new Limits(new BigDecimal("500"), new BigDecimal("1500"))));

	private RemedyPolicy() {
	}

	/**
	 * The limits of a tier.
	 * @param tier the customer's value tier
	 * @return its limits
	 */
	public static Limits limits(ValueTier tier) {
		return TIERS.get(Objects.requireNonNull(tier, "tier"));
	}

	/**
	 * The most an agent may offer on their own: the tier's credit limit, or more when
	 * triage proposed more for this case (an over-compensation), never above the cap.
	 * @param tier the customer's value tier
	 * @param proposed the amounts triage proposed for the case
	 * @return the agent's limit
	 */
	public static BigDecimal agentLimit(ValueTier tier, Collection<BigDecimal> proposed) {
		Limits limits = limits(tier);
		BigDecimal highest = proposed.stream().filter(Objects::nonNull).reduce(limits.creditLimit(), BigDecimal::max);
		return highest.min(limits.brokenPromiseLimit());
	}

	/**
	 * Whether an amount is money the policy can pay at all: not negative, at most two
	 * decimals.
	 * @param amount the amount
	 * @return {@code true} when it is well-formed
	 */
	public static boolean wellFormed(BigDecimal amount) {
		return amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= MAX_SCALE;
	}

	/**
	 * The limits of one tier.
	 *
	 * @param creditLimit the most an agent may offer on their own
	 * @param brokenPromiseLimit the cap: the most anyone may offer, reached when the
	 * company broke a promise
	 */
	public record Limits(BigDecimal creditLimit, BigDecimal brokenPromiseLimit) {

	}

}
