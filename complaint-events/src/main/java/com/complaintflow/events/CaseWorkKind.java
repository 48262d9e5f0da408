package com.complaintflow.events;

/**
 * What a staff member did to a case without moving its lifecycle: took or gave up
 * ownership, handed it on, wrote a note, ticked or unticked a playbook step.
 */
public enum CaseWorkKind {

	CLAIMED, RELEASED, ASSIGNED, TRANSFERRED, NOTE_ADDED, STEP_DONE, STEP_UNDONE

}
