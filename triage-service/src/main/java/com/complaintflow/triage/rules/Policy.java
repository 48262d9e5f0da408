package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.ValueTier;
import com.complaintflow.events.policy.RemedyPolicy;

/**
 * The policy tables: remedies within each tier's limits (the shared
 * {@link RemedyPolicy}), over-compensation, verification, priority raises, deadlines and
 * playbook steps.
 */
final class Policy {

	private final Duration historyWindow;

	private final String currency;

	private final Map<String, RulesDocument.TierSpec> tiers;

	private final NavigableMap<Integer, Integer> raiseSteps;

	private final Priority raiseCeiling;

	private final List<RemedyRule> remedies;

	private final Condition overCompensateWhen;

	private final int verificationMinPriorClaims;

	private final RulesDocument.DeadlineSpec deadlines;

	private final Condition engineerContactWhen;

	private final Map<String, List<String>> steps;

	Policy(RulesDocument.PolicySpec spec, List<RemedyRule> remedies, Condition overCompensateWhen,
			Condition engineerContactWhen, Map<String, List<String>> steps) {
		this.historyWindow = spec.historyWindow();
		this.currency = spec.currency();
		this.tiers = Map.copyOf(spec.tiers());
		this.raiseSteps = new TreeMap<>(spec.priorityRaise().steps());
		this.raiseCeiling = Priority.valueOf(spec.priorityRaise().ceiling());
		this.remedies = List.copyOf(remedies);
		this.overCompensateWhen = overCompensateWhen;
		this.verificationMinPriorClaims = spec.verification().minPriorClaims();
		this.deadlines = spec.deadlines();
		this.engineerContactWhen = engineerContactWhen;
		this.steps = Map.copyOf(steps);
	}

	Duration historyWindow() {
		return this.historyWindow;
	}

	List<String> steps(String playbook) {
		return this.steps.get(playbook);
	}

	/** The base priority raised by repeat complaints, never above the ceiling. */
	Priority raise(Priority base, int repeatCount, List<String> explanation) {
		Map.Entry<Integer, Integer> step = this.raiseSteps.floorEntry(repeatCount);
		if (step == null || step.getValue() <= 0) {
			return base;
		}
		int raised = Math.max(base.ordinal() - step.getValue(), this.raiseCeiling.ordinal());
		if (raised >= base.ordinal()) {
			return base;
		}
		explanation.add("policy:priority raised " + base + "->" + Priority.values()[raised] + " by " + repeatCount
				+ " repeat complaint(s)");
		return Priority.values()[raised];
	}

	/** The 2-3 remedy options of the first matching rule, within the tier's limits. */
	List<RemedyOption> remedies(Facts facts, List<String> explanation) {
		RemedyPolicy.Limits tier = RemedyPolicy.limits(facts.complaint().customer().tier());
		boolean over = this.overCompensateWhen.test(facts);
		BigDecimal limit = over ? tier.brokenPromiseLimit() : tier.creditLimit();
		for (RemedyRule rule : this.remedies) {
			if (rule.when().test(facts)) {
				explanation.add("remedies:" + rule.id() + (over ? " (over-compensation x"
						+ RemedyPolicy.OVER_COMPENSATION_FACTOR + ", limit " + limit + " " + this.currency + ")" : ""));
				List<RemedyOption> options = new ArrayList<>();
				for (RulesDocument.RemedySpec option : rule.options()) {
					BigDecimal amount = amount(option.share(), tier.creditLimit(), over, limit);
					String description = option.description()
						.replace("{amount}", (amount != null) ? amount.toPlainString() : "")
						.replace("{currency}", this.currency);
					options.add(new RemedyOption(RemedyKind.valueOf(option.kind()), description, amount));
				}
				return List.copyOf(options);
			}
		}
		throw new IllegalStateException("no remedy rule matched; the last remedy rule must have no condition");
	}

	private BigDecimal amount(BigDecimal share, BigDecimal creditLimit, boolean over, BigDecimal limit) {
		if (share == null) {
			return null;
		}
		BigDecimal amount = creditLimit.multiply(share);
		if (over) {
			amount = amount.multiply(RemedyPolicy.OVER_COMPENSATION_FACTOR);
		}
		return amount.min(limit).setScale(0, RoundingMode.HALF_UP);
	}

	/**
	 * A large demand is verified when the customer's history holds doubtful claims; small
	 * sums get the benefit of the doubt.
	 */
	boolean verificationRequired(Facts facts, ValueTier tier, List<String> explanation) {
		BigDecimal threshold = this.tiers.get(tier.name()).verifyAbove();
		boolean large = facts.demandedAmount().compareTo(threshold) > 0;
		boolean doubtful = facts.context().priorClaims() >= this.verificationMinPriorClaims;
		if (large && doubtful) {
			explanation.add("policy:verification (demand " + facts.demandedAmount() + " > " + threshold + ", "
					+ facts.context().priorClaims() + " prior claims)");
		}
		return large && doubtful;
	}

	/** The deadlines, counted from when the complaint was received. */
	Deadlines deadlines(Facts facts, Instant receivedAt, Priority priority, String category, List<String> explanation) {
		Instant firstResponse = receivedAt.plus(this.deadlines.firstResponse().get(priority.name()));
		Instant engineer = this.engineerContactWhen.test(facts)
				? receivedAt.plus(this.deadlines.engineerContact().within()) : null;
		Instant promised = receivedAt.plus(this.deadlines.promisedAnswer().byCategory().get(category));
		Instant asked = (facts.complaint().expectedRemedy() != null) ? facts.complaint().expectedRemedy().deadline()
				: null;
		if (asked != null) {
			Duration wanted = Duration.between(receivedAt, asked);
			if (wanted.compareTo(this.deadlines.promisedAnswer().acceptCustomerMin()) >= 0
					&& wanted.compareTo(this.deadlines.promisedAnswer().acceptCustomerMax()) <= 0) {
				promised = asked;
				explanation.add("deadline:promised answer as the customer asked");
			}
			else {
				explanation.add("deadline:customer's deadline outside policy ["
						+ this.deadlines.promisedAnswer().acceptCustomerMin() + ", "
						+ this.deadlines.promisedAnswer().acceptCustomerMax() + "], policy default used");
			}
		}
		if (promised.isBefore(firstResponse)) {
			// the answer the customer is promised comes with a first response at the
			// latest
			firstResponse = promised;
			explanation.add("deadline:first response by the promised answer");
		}
		return new Deadlines(firstResponse, engineer, promised, this.deadlines.progressUpdate().get(priority.name()),
				this.deadlines.callbackWithin());
	}

	/** A remedy rule. */
	record RemedyRule(String id, Condition when, List<RulesDocument.RemedySpec> options) {
	}

}
