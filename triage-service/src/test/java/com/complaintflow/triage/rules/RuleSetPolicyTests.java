package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.ExpectedRemedy;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.ValueTier;
import com.complaintflow.events.policy.RemedyPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy tables of the bundled rules: remedies within the tier's limits,
 * over-compensation for broken promises, verification of large claims, deadlines and
 * priority raises.
 */
class RuleSetPolicyTests {

	private static final RuleSet RULES = RulesLoader.bundled();

	private static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:00Z");

	@Test
	void remediesAreTwoOrThreeOptionsWithinTheTierLimit() {
		for (ValueTier tier : ValueTier.values()) {
			Verdict verdict = RULES.decide(complaint("Internet keeps dropping every evening", tier, null),
					TriageContext.NONE);

			assertThat(verdict.remedies()).hasSizeBetween(2, 3);
			BigDecimal limit = BigDecimal.valueOf(switch (tier) {
				case STANDARD -> 50;
				case SILVER -> 100;
				case GOLD -> 200;
				case PLATINUM -> 500;
			});
			assertThat(verdict.remedies()).extracting(RemedyOption::amount)
				.filteredOn((amount) -> amount != null)
				.allSatisfy((amount) -> assertThat(amount).isLessThanOrEqualTo(limit));
		}
	}

	@Test
	void brokenPromiseIsOverCompensatedUpToTheBrokenPromiseLimit() {
		Verdict normal = RULES.decide(
				complaint("Still waiting for the fix, nobody has fixed it for weeks", ValueTier.SILVER, null),
				TriageContext.NONE);
		Verdict broken = RULES.decide(
				complaint("You promised the fix within 48 hours, still waiting for weeks", ValueTier.SILVER, null),
				TriageContext.NONE);

		assertThat(normal.playbook()).isEqualTo(Playbook.UNRESOLVED_IN_TIME);
		assertThat(broken.playbook()).isEqualTo(Playbook.UNRESOLVED_IN_TIME);
		assertThat(normal.remedies().get(0).amount()).isEqualByComparingTo("50");
		assertThat(broken.remedies().get(0).amount()).isEqualByComparingTo("150");
		assertThat(broken.remedies()).extracting(RemedyOption::amount)
			.filteredOn((amount) -> amount != null)
			.allSatisfy((amount) -> assertThat(amount)
				.isLessThanOrEqualTo(RemedyPolicy.limits(ValueTier.SILVER).brokenPromiseLimit()));
		assertThat(broken.explanation().signals())
			.anySatisfy((signal) -> assertThat(signal).contains("over-compensation"));
	}

	@Test
	void aComplaintAfterABreachedDeadlineIsOverCompensatedButNotAfterAnEscalationAlone() {
		String text = "Still waiting for the fix, nobody has fixed it for weeks";
		Verdict escalatedBefore = RULES.decide(complaint(text, ValueTier.SILVER, null),
				new TriageContext(1, 0, true, false, null));
		Verdict breachedBefore = RULES.decide(complaint(text, ValueTier.SILVER, null),
				new TriageContext(1, 0, true, true, null));

		assertThat(escalatedBefore.remedies().get(0).amount()).isEqualByComparingTo("50");
		assertThat(breachedBefore.remedies().get(0).amount()).isEqualByComparingTo("150");
		assertThat(breachedBefore.explanation().signals())
			.anySatisfy((signal) -> assertThat(signal).contains("over-compensation"))
			.anySatisfy((signal) -> assertThat(signal).contains("previous complaint was breached"));
	}

	@Test
	void largeClaimIsVerifiedOnlyWhenTheHistoryHoldsEarlierClaims() {
		ExpectedRemedy large = new ExpectedRemedy(ExpectedRemedyKind.COMPENSATION, new BigDecimal("300"), null);
		ExpectedRemedy small = new ExpectedRemedy(ExpectedRemedyKind.COMPENSATION, new BigDecimal("30"), null);
		TriageContext doubtful = new TriageContext(2, 2, false, false, null);

		assertThat(RULES.decide(complaint("I was charged twice", ValueTier.STANDARD, large), doubtful)
			.verificationRequired()).isTrue();
		assertThat(RULES.decide(complaint("I was charged twice", ValueTier.STANDARD, small), doubtful)
			.verificationRequired()).isFalse();
		assertThat(RULES.decide(complaint("I was charged twice", ValueTier.STANDARD, large), TriageContext.NONE)
			.verificationRequired()).isFalse();
	}

	@Test
	void networkFaultGetsAnEngineerWithinThirtyMinutesAndTheCustomersOwnDeadlineWhenPolicyAllows() {
		ExpectedRemedy inTwoHours = new ExpectedRemedy(ExpectedRemedyKind.FIX, null, RECEIVED.plusSeconds(7200));
		ExpectedRemedy inTenMinutes = new ExpectedRemedy(ExpectedRemedyKind.FIX, null, RECEIVED.plusSeconds(600));

		Verdict accepted = RULES.decide(complaint("No signal at home since this morning", ValueTier.GOLD, inTwoHours),
				TriageContext.NONE);
		Verdict tooSoon = RULES.decide(complaint("No signal at home since this morning", ValueTier.GOLD, inTenMinutes),
				TriageContext.NONE);

		assertThat(accepted.deadlines().engineerContactBy()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(30)));
		assertThat(accepted.deadlines().promisedAnswerBy()).isEqualTo(RECEIVED.plusSeconds(7200));
		assertThat(tooSoon.deadlines().promisedAnswerBy()).isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
		// the first response comes by the promised answer at the latest (P2 alone would
		// give 8 h)
		assertThat(accepted.deadlines().firstResponseBy()).isEqualTo(RECEIVED.plusSeconds(7200));
		assertThat(tooSoon.deadlines().firstResponseBy()).isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
		assertThat(accepted.deadlines().callbackWithin()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void repeatComplaintsRaiseThePriorityButNotAboveP2AndBringANetworkCheck() {
		String text = "The internet is slow in the evenings";

		Verdict first = RULES.decide(complaint(text, ValueTier.SILVER, null), TriageContext.NONE);
		Verdict again = RULES.decide(complaint(text, ValueTier.SILVER, null),
				new TriageContext(1, 0, false, false, null));
		Verdict often = RULES.decide(complaint(text, ValueTier.SILVER, null),
				new TriageContext(5, 0, false, false, null));

		assertThat(first.priority()).isEqualTo(Priority.P3);
		assertThat(again.priority()).isEqualTo(Priority.P2);
		assertThat(often.priority()).isEqualTo(Priority.P2);
		assertThat(again.remedies().get(0).kind()).isEqualTo(RemedyKind.NETWORK_CHECK);
	}

	@Test
	void outageMembersGetTheNetworkFaultPlaybookP1AndAMassNotification() {
		Verdict verdict = RULES.decide(complaint("No signal since noon", ValueTier.STANDARD, null),
				TriageContext.NONE.withIncident("INC-1"));

		assertThat(verdict.playbook()).isEqualTo(Playbook.NETWORK_FAULT);
		assertThat(verdict.priority()).isEqualTo(Priority.P1);
		assertThat(verdict.incidentId()).isEqualTo("INC-1");
		assertThat(verdict.remedies().get(0).kind()).isEqualTo(RemedyKind.MASS_NOTIFICATION);
		assertThat(verdict.queue()).isEqualTo("network-incident");
	}

	private static ComplaintReceived complaint(String text, ValueTier tier, ExpectedRemedy remedy) {
		return new ComplaintReceived(EventMetadata.newEventId(), "intake", RECEIVED, "P-1", "C-1",
				ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE, new Customer("C-1", null, null, tier), null,
				new Location("BJ", null), text, null, remedy, null, null, EmotionCues.NONE, Language.EN);
	}

}
