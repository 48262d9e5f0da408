package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.complaintflow.events.Category;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident membership in its own collection, against the MongoDB wire server: every
 * member is one document, joining twice counts once (also after a crash between the
 * incident's update and the membership write, or in the middle of its opening), and
 * neither the incident document nor its list of first members grows with the number of
 * complaints that join.
 */
class IncidentMembersTests {

	private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("incidents");

	private final IncidentMembers members = new IncidentMembers(mongo, 10);

	@Test
	void everyMemberIsADocumentAndNoDocumentGrowsWithTheOutage() {
		String id = open("INC-A", 3);

		for (int i = 3; i < 200; i++) {
			this.members.join(id, List.of("c-" + i), START.plusSeconds(i));
		}

		Incident incident = mongo.findById(id, Incident.class);
		assertThat(incident.memberCount()).isEqualTo(200);
		assertThat(incident.revision()).isEqualTo(198);
		assertThat(incident.members()).isNull();
		assertThat(incident.recent()).isNull();
		assertThat(incident.joining()).isEmpty();
		assertThat(mongo.findById(id, FirstMembers.class).members()).hasSize(10)
			.startsWith("c-0", "c-1", "c-2")
			.endsWith("c-9");
		assertThat(this.members.firstMembers(List.of(incident)).get(id)).hasSize(10).endsWith("c-9");
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(id)), IncidentMember.class)).isEqualTo(200);
		assertThat(this.members.isMember(id, "c-0")).isTrue();
		assertThat(this.members.isMember(id, "c-150")).isTrue();
		assertThat(this.members.isMember(id, "c-200")).isFalse();
		assertThat(mongo.findById(IncidentMember.id(id, "c-150"), IncidentMember.class).revision()).isEqualTo(149);
	}

	@Test
	void joiningTwiceCountsOnceEvenLongAfterTheFirstJoin() {
		String id = open("INC-B", 3);
		this.members.join(id, List.of("c-3"), START.plusSeconds(3));
		for (int i = 4; i < 40; i++) {
			this.members.join(id, List.of("c-" + i), START.plusSeconds(i));
		}

		Incident again = this.members.join(id, List.of("c-3"), START.plusSeconds(3));
		Incident opener = this.members.join(id, List.of("c-0"), START);

		assertThat(again.memberCount()).isEqualTo(40);
		assertThat(opener.revision()).isEqualTo(again.revision()).isEqualTo(38);
	}

	@Test
	void aJoinRepeatedAfterACrashBeforeTheMembershipWriteCountsOnceAndWritesIt() {
		String id = open("INC-C", 3);
		// the crash: the incident counted c-3, nothing after that was written
		this.members.count(id, List.of("c-3"), START.plusSeconds(3), new ArrayList<>(), new ArrayList<>());

		Incident retried = this.members.join(id, List.of("c-3"), START.plusSeconds(3));

		assertThat(retried.memberCount()).isEqualTo(4);
		assertThat(retried.revision()).isEqualTo(2);
		assertThat(this.members.isMember(id, "c-3")).isTrue();
		assertThat(mongo.findById(id, FirstMembers.class).members()).containsExactly("c-0", "c-1", "c-2", "c-3");
		assertThat(mongo.findById(id, Incident.class).joining()).isEmpty();
	}

	@Test
	void anOpeningACrashInterruptedIsCompletedByTheNextJoin() {
		// the crash: the incident was inserted with its first members counted, nothing
		// after that was written; the redelivered complaint that opened it joins it
		mongo.insert(new Incident("INC-F", "BJ-CY", Category.NETWORK, null, null, List.of("c-0", "c-1", "c-2"), 3, 1,
				START, START.plusSeconds(2), "c-0", "C-0"));

		Incident repaired = this.members.join("INC-F", List.of("c-2"), START.plusSeconds(2));

		assertThat(repaired.memberCount()).isEqualTo(3);
		assertThat(mongo.findById("INC-F", Incident.class).joining()).isEmpty();
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is("INC-F")), IncidentMember.class))
			.isEqualTo(3);
		assertThat(mongo.findById("INC-F", FirstMembers.class).members()).containsExactlyInAnyOrder("c-0", "c-1",
				"c-2");
	}

	@Test
	void aPollsNewMembersJoinInOneRevisionAndMembersAlreadyKnownAreLeftOut() {
		String id = open("INC-D", 3);

		Incident joined = joinAll(id, List.of("c-3", "c-4", "c-0"), START.plusSeconds(4));
		Incident again = joinAll(id, List.of("c-3", "c-4", "c-5"), START.plusSeconds(5));

		assertThat(joined.memberCount()).isEqualTo(5);
		assertThat(joined.revision()).isEqualTo(2);
		assertThat(again.memberCount()).isEqualTo(6);
		assertThat(again.revision()).isEqualTo(3);
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(id)), IncidentMember.class)).isEqualTo(6);
	}

	@Test
	void anIncidentStoredWithItsListsKeepsThemAndCountsEachComplaintOnce() {
		List<String> first = List.of("c-0", "c-1", "c-2");
		mongo.insert(new Incident("INC-E", "BJ-CY", Category.NETWORK, first, first, null, 3, 1, START,
				START.plusSeconds(2), "c-0", "C-0"));

		this.members.join("INC-E", List.of("c-3"), START.plusSeconds(3));
		Incident again = this.members.join("INC-E", List.of("c-1"), START.plusSeconds(4));

		assertThat(again.memberCount()).isEqualTo(4);
		assertThat(again.revision()).isEqualTo(2);
		assertThat(again.members()).isEqualTo(first);
		assertThat(this.members.firstMembers(List.of(again)).get("INC-E")).isEqualTo(first);
		assertThat(this.members.isMember("INC-E", "c-3")).isTrue();
	}

	private Incident joinAll(String id, List<String> complaintIds, Instant at) {
		return this.members
			.joinAll(Map.of(id, complaintIds), Map.of(id, at), Map.of(id, mongo.findById(id, Incident.class)))
			.get(id);
	}

	private String open(String id, int size) {
		List<String> first = IntStream.range(0, size).mapToObj((i) -> "c-" + i).toList();
		this.members.open(
				new Incident(id, "BJ-CY", Category.NETWORK, null, null, null, size, 1, START,
						START.plusSeconds(size - 1), "c-0", "C-0"),
				first, IntStream.range(0, size).mapToObj(START::plusSeconds).toList());
		return id;
	}

}
