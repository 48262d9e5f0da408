package com.complaintflow.wireserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each shape of command was seen, and whether this sighting is to be logged:
 * the first and then every {@code every}th, so a log names each shape without repeating
 * it at every command.
 */
final class ShapeCounts {

	private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();

	private final int every;

	ShapeCounts(int every) {
		this.every = every;
	}

	/**
	 * Counts a sighting of the shape.
	 * @return how many times it was seen, or 0 when this sighting is not to be logged
	 */
	long seenToLog(String shape) {
		long count = this.seen.computeIfAbsent(shape, (key) -> new AtomicLong()).incrementAndGet();
		return (count == 1 || count % this.every == 0) ? count : 0;
	}

}
