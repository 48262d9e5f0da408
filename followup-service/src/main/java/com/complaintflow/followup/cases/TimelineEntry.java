package com.complaintflow.followup.cases;

import java.time.Instant;

/**
 * One thing that happened to a case: who did what, when, in a sentence.
 *
 * @param at when
 * @param action what, for example {@code CONTACTED} or {@code REMINDER_BREACH}
 * @param actor the staff id, or {@code system}
 * @param detail a short description without personal data
 */
public record TimelineEntry(Instant at, String action, String actor, String detail) {

}
