package com.complaintflow.triage.incident;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident event lists at most the first thousand members, so it stays small in a
 * large outage.
 */
class PublishedMembersTests {

	@Test
	void aSmallIncidentListsEveryMember() {
		assertThat(OutageDetector.published(List.of("a", "b"))).containsExactly("a", "b");
	}

	@Test
	void aLargeIncidentListsTheFirstThousand() {
		List<String> members = IntStream.range(0, 2_500).mapToObj((i) -> "c-" + i).toList();

		List<String> published = OutageDetector.published(members);

		assertThat(published).hasSize(OutageDetector.MAX_PUBLISHED_MEMBERS).startsWith("c-0").endsWith("c-999");
	}

}
