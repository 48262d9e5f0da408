package com.complaintflow.followup.console;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Opens cases until the live queue hears one after a page's position: the console's
 * listener reads from the newest record, so a case opened before it has joined its group
 * (just after the service started) is never heard.
 */
final class HeardCases {

	private static final Duration HEARD_WITHIN = Duration.ofSeconds(3);

	private HeardCases() {
	}

	/**
	 * The id of the first case opened that the live queue heard of after the position.
	 */
	static String openUntilHeard(LiveQueue live, String since, Supplier<String> openCase, Duration atMost) {
		return await().atMost(atMost).until(() -> {
			String caseId = openCase.get();
			try {
				await().atMost(HEARD_WITHIN).until(() -> live.changedSince(since).orElseThrow().contains(caseId));
				return caseId;
			}
			catch (ConditionTimeoutException notHeard) {
				return null;
			}
		}, Objects::nonNull);
	}

}
