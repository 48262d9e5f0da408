package com.complaintflow.systemtests.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a hostile-input run sent and got, from many threads: the requests, the answers by
 * status, the failures, and a report of them.
 */
final class Tally {

	private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong sent = new AtomicLong();

	void sent() {
		this.sent.incrementAndGet();
	}

	void answered(int status) {
		this.statusCounts.computeIfAbsent(String.valueOf(status), (k) -> new AtomicLong()).incrementAndGet();
	}

	void fail(String failure) {
		this.failures.add(failure);
	}

	long requests() {
		return this.sent.get();
	}

	List<String> failures() {
		return List.copyOf(this.failures);
	}

	/** The counts by status and the first 30 distinct failures. */
	String report(String what) {
		StringBuilder report = new StringBuilder();
		report.append(String.format("%s: %d requests; answers by status %s; failures %d%n", what, this.sent.get(),
				new TreeMap<>(this.statusCounts), this.failures.size()));
		failures().stream()
			.distinct()
			.limit(30)
			.forEach((failure) -> report.append("  FAIL ").append(failure).append('\n'));
		return report.toString();
	}

}
