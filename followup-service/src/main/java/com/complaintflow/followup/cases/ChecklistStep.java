package com.complaintflow.followup.cases;

import java.time.Instant;

/**
 * One step of the case's playbook as a checklist item, with who ticked it and when.
 *
 * @param step what to do, as triage's playbook says it
 * @param done whether it is ticked
 * @param doneBy the staff id who ticked it, null when not ticked
 * @param doneAt when it was ticked, null when not ticked
 */
public record ChecklistStep(String step, boolean done, String doneBy, Instant doneAt) {

	ChecklistStep tick(boolean ticked, String staffId, Instant now) {
		return ticked ? new ChecklistStep(this.step, true, staffId, now)
				: new ChecklistStep(this.step, false, null, null);
	}

}
