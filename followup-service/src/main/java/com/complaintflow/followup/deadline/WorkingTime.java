package com.complaintflow.followup.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * A way of counting time towards a deadline: calendar time or business hours.
 */
public interface WorkingTime {

	/** Calendar time: every millisecond counts. */
	WorkingTime CALENDAR = new WorkingTime() {

		@Override
		public Instant plus(Instant start, Duration amount) {
			return start.plus(amount);
		}

		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

	};

	/**
	 * The instant at which {@code amount} of counted time has passed since {@code start}.
	 * @param start where counting starts
	 * @param amount counted time, zero or more
	 * @return the instant
	 */
	Instant plus(Instant start, Duration amount);

	/**
	 * The counted time between two instants, zero when {@code to} is not after
	 * {@code from}.
	 * @param from start
	 * @param to end
	 * @return the counted time
	 */
	Duration between(Instant from, Instant to);

}
