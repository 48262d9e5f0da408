package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.CaseWorkKind;
import com.complaintflow.events.ComplaintEvent;

import org.springframework.stereotype.Component;

/**
 * The workspace actions on a case: ownership (claim, release, assign, transfer), notes
 * and checklist ticks. They change workspace state and the timeline and move no
 * lifecycle; each publishes one {@code case-worked} event (ids and the kind only) through
 * the case's outbox, so every instance's console hears of it. Idempotent under their key
 * like every action.
 */
@Component
public class WorkspaceActions {

	private final CaseChanges changes;

	private final OwnershipSettings ownership;

	WorkspaceActions(CaseChanges changes, OwnershipSettings ownership) {
		this.changes = changes;
		this.ownership = ownership;
	}

	/**
	 * The caller takes the case from its team's queue (409 when another agent has it).
	 */
	public FollowupCase claim(String caseId, CaseActions.Actor actor, String key) {
		return this.changes.apply(caseId, CaseAction.CLAIM, key, (c, now, ids) -> {
			// the owner claiming again changes nothing and tells nobody
			return c.claim(actor, now) ? worked(c, now, ids, CaseWorkKind.CLAIMED, actor) : List.of();
		});
	}

	/** The owning agent, or a supervisor, puts the case back into its team's queue. */
	public FollowupCase release(String caseId, CaseActions.Actor actor, String key) {
		return this.changes.apply(caseId, CaseAction.RELEASE, key, (c, now, ids) -> {
			return c.release(actor, now) ? worked(c, now, ids, CaseWorkKind.RELEASED, actor) : List.of();
		});
	}

	/** A supervisor gives the case to an agent, a team, or an agent of a team. */
	public FollowupCase assign(String caseId, CaseActions.Actor actor, String key, String team, String agent) {
		requireNamed(team, agent);
		return this.changes.apply(caseId, CaseAction.ASSIGN, key, (c, now, ids) -> {
			c.assign(team, agent, actor, now, this.ownership);
			return worked(c, now, ids, CaseWorkKind.ASSIGNED, actor);
		});
	}

	/**
	 * The owner (or a supervisor) hands the case to another agent or team, saying why.
	 */
	public FollowupCase transfer(String caseId, CaseActions.Actor actor, String key, String team, String agent,
			String reason) {
		requireNamed(team, agent);
		return this.changes.apply(caseId, CaseAction.TRANSFER, key, (c, now, ids) -> {
			c.transfer(team, agent, reason, actor, now, this.ownership);
			return worked(c, now, ids, CaseWorkKind.TRANSFERRED, actor);
		});
	}

	/** Adds a note; its id follows from the request, so a retry adds nothing. */
	public FollowupCase note(String caseId, CaseActions.Actor actor, String key, String text) {
		return this.changes.apply(caseId, CaseAction.NOTE, key, (c, now, ids) -> {
			c.addNote(new CaseNote(ids.id("note").toString(), now, actor.staffId(), text));
			return worked(c, now, ids, CaseWorkKind.NOTE_ADDED, actor);
		});
	}

	/** Ticks or unticks a playbook step, recording who and when. */
	public FollowupCase tick(String caseId, CaseActions.Actor actor, String key, int index, boolean done) {
		return this.changes.apply(caseId, CaseAction.TICK, key, (c, now, ids) -> {
			return c.tick(index, done, actor.staffId(), now)
					? worked(c, now, ids, done ? CaseWorkKind.STEP_DONE : CaseWorkKind.STEP_UNDONE, actor) : List.of();
		});
	}

	private static List<ComplaintEvent> worked(FollowupCase c, Instant now, CaseChanges.EventIds ids, CaseWorkKind kind,
			CaseActions.Actor actor) {
		return List.of(CaseEvents.of(c, now).worked(ids.id("worked"), kind, actor.staffId()));
	}

	/**
	 * A hand-over names whom to: an agent, a team or both (the API's bodies say so too;
	 * the console's form may leave both blank).
	 */
	private static void requireNamed(String team, String agent) {
		if (team == null && agent == null) {
			throw new InvalidActionException("Name an agent, a team or both.");
		}
	}

}
