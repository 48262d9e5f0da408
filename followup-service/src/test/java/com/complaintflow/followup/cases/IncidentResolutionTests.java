package com.complaintflow.followup.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.deadline.ClockKind;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.MilestonePolicy;
import com.complaintflow.followup.deadline.MilestoneSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Resolving an incident case resolves every member it can; a member that stayed busy on
 * every attempt makes the request one to retry (503) instead of a success that leaves
 * that customer's case open for good. The store's optimistic writes are stood in for by
 * the changes each member would meet: applied, busy, or not allowed.
 */
class IncidentResolutionTests {

	private static final String INCIDENT = "incident-case";

	@Test
	void aMemberBusyOnEveryAttemptMakesTheResolutionOneToRetryAfterTheOthersAreResolved() {
		ScriptedChanges changes = new ScriptedChanges(Map.of("busy", "busy", "closed", "not-allowed"));
		CaseActions actions = new CaseActions(changes, new MilestoneClock(calendarTime()),
				new OwnershipSettings("supervisors", "experts"));

		assertThatExceptionOfType(CaseBusyException.class)
			.isThrownBy(() -> actions.resolve(INCIDENT, new CaseActions.Actor("sup", true), "k1", "Fibre repaired"))
			.withMessageContaining("1 of its member cases");
		assertThat(changes.applied).containsExactly(INCIDENT, "a", "busy", "closed", "b");

		// the retry goes through the members again, each under its key derived from the
		// incident's (those resolved already answer as retries), and succeeds
		changes.outcomes.remove("busy");
		changes.applied.clear();
		assertThat(actions.resolve(INCIDENT, new CaseActions.Actor("sup", true), "k1", "Fibre repaired").getId())
			.isEqualTo(INCIDENT);
		assertThat(changes.applied).containsExactly(INCIDENT, "a", "busy", "closed", "b");
	}

	@Test
	void aMemberThatCannotBeResolvedIsLeftAsItIs() {
		ScriptedChanges changes = new ScriptedChanges(Map.of("closed", "not-allowed"));
		CaseActions actions = new CaseActions(changes, new MilestoneClock(calendarTime()),
				new OwnershipSettings("supervisors", "experts"));

		FollowupCase resolved = actions.resolve(INCIDENT, new CaseActions.Actor("sup", true), "k1", "Fibre repaired");

		assertThat(resolved.getId()).isEqualTo(INCIDENT);
		assertThat(changes.applied).containsExactly(INCIDENT, "a", "busy", "closed", "b");
	}

	@Test
	void aResolvedIncidentCaseTakesItsResolutionAgainAndNoOtherCaseDoes() {
		Instant at = Instant.parse("2026-12-03T08:00:00Z");
		FollowupCase incident = new FollowupCase(INCIDENT, CaseKind.INCIDENT, "CMP-i", "C-i", at);
		FollowupCase complaint = new FollowupCase("case", CaseKind.COMPLAINT, "CMP-c", "C-c", at);
		incident.resolve("Fibre repaired", false);
		complaint.resolve("Modem replaced", false);

		incident.guard(CaseAction.RESOLVE);
		assertThatExceptionOfType(ActionNotAllowedException.class)
			.isThrownBy(() -> complaint.guard(CaseAction.RESOLVE));
		assertThatExceptionOfType(ActionNotAllowedException.class).isThrownBy(() -> incident.guard(CaseAction.CLOSE));
	}

	@Test
	void aMembersResolutionSaysWhetherItCameWithItsIncidentAlsoInACaseStoredBeforeThatWasRecorded() {
		Instant at = Instant.parse("2026-12-03T08:00:00Z");
		Deadlines deadlines = new Deadlines(at.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24));
		FollowupCase withIncident = member(at, deadlines);
		withIncident.resolve("Fibre repaired", true);
		FollowupCase alone = member(at, deadlines);
		alone.resolve("Modem replaced", false);
		// stored before the flag was kept: the rule of then, "not reopened at a callback"
		FollowupCase stored = member(at, deadlines);
		FollowupCase reopened = member(at, deadlines);
		reopened.getMilestones()
			.add(new MilestoneClock(calendarTime()).open(reopened.getId(), MilestoneKind.ESCALATED_RESOLUTION, 1, at,
					null, null));

		assertThat(withIncident.wasResolvedWithIncident()).isTrue();
		assertThat(alone.wasResolvedWithIncident()).isFalse();
		assertThat(stored.wasResolvedWithIncident()).isTrue();
		assertThat(reopened.wasResolvedWithIncident()).isFalse();
	}

	private static FollowupCase member(Instant at, Deadlines deadlines) {
		FollowupCase c = new FollowupCase("member", CaseKind.COMPLAINT, "CMP-m", "C-m", at);
		c.triaged(TestEvents.triaged("CMP-m", at, deadlines, "INC-1"));
		return c;
	}

	private static MilestoneSettings calendarTime() {
		Map<MilestoneKind, MilestonePolicy> policies = new EnumMap<>(MilestoneKind.class);
		for (MilestoneKind kind : MilestoneKind.values()) {
			policies.put(kind, new MilestonePolicy(ClockKind.CALENDAR, null, Duration.ofHours(24), null, null));
		}
		return new MilestoneSettings(policies, Map.of());
	}

	/** Answers each case's change as scripted, recording which cases were asked. */
	private static final class ScriptedChanges extends CaseChanges {

		final Map<String, String> outcomes;

		final List<String> applied = new ArrayList<>();

		ScriptedChanges(Map<String, String> outcomes) {
			super(null, null, null);
			this.outcomes = new java.util.HashMap<>(outcomes);
		}

		@Override
		FollowupCase apply(String caseId, CaseAction action, String key, Change change) {
			this.applied.add(caseId);
			String outcome = this.outcomes.getOrDefault(caseId, "applied");
			if (outcome.equals("busy")) {
				throw new CaseBusyException("busy");
			}
			if (outcome.equals("not-allowed")) {
				throw new ActionNotAllowedException(action, CaseStatus.CLOSED, "it is closed", null);
			}
			boolean incident = caseId.equals(INCIDENT);
			FollowupCase c = new FollowupCase(caseId, incident ? CaseKind.INCIDENT : CaseKind.COMPLAINT,
					"CMP-" + caseId, "C-" + caseId, Instant.parse("2026-12-03T08:00:00Z"));
			if (incident) {
				c.getMemberCaseIds().addAll(List.of("a", "busy", "closed", "b"));
			}
			return c;
		}

	}

}
