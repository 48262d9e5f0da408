package com.complaintflow.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;

/**
 * A seeded mix of complaint lives (just received, triaged, opened, resolved happily,
 * breached and escalated) spread over a few days, for replay and dashboard tests.
 */
public final class ScenarioEvents {

	private static final String[] REGIONS = { "BJ-CY", "BJ-HD", "SH-PD", "GZ-TH" };

	private ScenarioEvents() {
	}

	/**
	 * The events of {@code count} complaints starting in the hours after {@code start}.
	 * @param prefix makes the complaint ids unique
	 * @param start the earliest complaint
	 * @param spread the complaints start within this duration after {@code start}
	 * @param seed the random seed
	 */
	public static List<ComplaintEvent> of(String prefix, int count, Instant start, Duration spread, long seed) {
		List<ComplaintEvent> events = new ArrayList<>();
		forEach(prefix, count, start, spread, seed, events::add);
		return events;
	}

	/**
	 * The same events as {@link #of}, handed over one at a time (a million complaints
	 * need not sit in memory).
	 */
	public static void forEach(String prefix, int count, Instant start, Duration spread, long seed,
			Consumer<ComplaintEvent> events) {
		Random random = new Random(seed);
		for (int i = 0; i < count; i++) {
			Instant at = start.plusSeconds((long) (random.nextDouble() * spread.toSeconds()));
			Category category = Category.values()[random.nextInt(Category.values().length)];
			TestEvents life = new TestEvents(prefix + "-" + i, at,
					Channel.values()[random.nextInt(Channel.values().length)], category,
					REGIONS[random.nextInt(REGIONS.length)], playbook(category));
			int stage = random.nextInt(6);
			events.accept(life.received());
			if (stage >= 1) {
				events.accept(life.triaged((stage == 5) ? Nature.VENTING : Nature.VALID, random.nextInt(3)));
			}
			if (stage >= 2) {
				events.accept(life.opened());
			}
			if (stage == 3 || stage == 4) {
				Outcome outcome = (random.nextInt(4) == 0) ? Outcome.CHURNED : Outcome.RETAINED;
				life.happyLife(outcome, 1 + random.nextInt(5)).subList(3, 9).forEach(events);
			}
			if (stage == 5) {
				events.accept(life.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(20 + random.nextInt(600))));
				events.accept(life.escalated(Duration.ofHours(2)));
				events.accept(life.closed(Duration.ofHours(5), Outcome.NUMBER_KEPT,
						List.of(life.breachedUnmet(MilestoneKind.FIRST_RESPONSE, 20))));
			}
		}
	}

	private static Playbook playbook(Category category) {
		return switch (category) {
			case NETWORK, EMERGENCY -> Playbook.NETWORK_FAULT;
			case BILLING -> Playbook.BILLING_ERROR;
			case DEVICE -> Playbook.DEVICE_FAULT;
			case PRODUCT -> Playbook.COMPETITOR_PROMOTION;
			case SERVICE_QUALITY -> Playbook.UNRESOLVED_IN_TIME;
			case SERVICE_ATTITUDE -> Playbook.STANDARD_CARE;
		};
	}

}
