package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.complaintflow.events.Category;
import com.complaintflow.support.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident membership in its own collection, against the MongoDB wire server: every
 * member is one document, joining twice counts once (also after a crash between the
 * incident's update and the membership write), and the incident document stays bounded
 * however many complaints join.
 */
class IncidentMembersTests {

	private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

	private static MongoClient client;

	private static MongoTemplate mongo;

	private final IncidentMembers members = new IncidentMembers(mongo, 10);

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "incidents-" + UUID.randomUUID().toString().substring(0, 8));
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void everyMemberIsADocumentAndTheIncidentStaysBounded() {
		String id = open("INC-A", 3);

		for (int i = 3; i < 200; i++) {
			this.members.join(id, "c-" + i, START.plusSeconds(i));
		}

		Incident incident = mongo.findById(id, Incident.class);
		assertThat(incident.memberCount()).isEqualTo(200);
		assertThat(incident.revision()).isEqualTo(198);
		assertThat(incident.members()).hasSize(10).startsWith("c-0", "c-1", "c-2").endsWith("c-9");
		assertThat(incident.recent()).hasSize(10).endsWith("c-199");
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(id)), IncidentMember.class)).isEqualTo(200);
		assertThat(this.members.isMember(id, "c-0")).isTrue();
		assertThat(this.members.isMember(id, "c-150")).isTrue();
		assertThat(this.members.isMember(id, "c-200")).isFalse();
		assertThat(mongo.findById(IncidentMember.id(id, "c-150"), IncidentMember.class).revision()).isEqualTo(149);
	}

	@Test
	void joiningTwiceCountsOnceEvenLongAfterTheFirstJoin() {
		String id = open("INC-B", 3);
		this.members.join(id, "c-3", START.plusSeconds(3));
		for (int i = 4; i < 40; i++) {
			this.members.join(id, "c-" + i, START.plusSeconds(i));
		}

		Incident again = this.members.join(id, "c-3", START.plusSeconds(3));
		Incident opener = this.members.join(id, "c-0", START);

		assertThat(again.memberCount()).isEqualTo(40);
		assertThat(opener.revision()).isEqualTo(again.revision()).isEqualTo(38);
	}

	@Test
	void aJoinRepeatedAfterACrashBeforeTheMembershipWriteCountsOnceAndWritesIt() {
		String id = open("INC-C", 3);
		this.members.join(id, "c-3", START.plusSeconds(3));
		// the crash: the incident counted c-3, its membership document was never written
		mongo.remove(Query.query(Criteria.where("_id").is(IncidentMember.id(id, "c-3"))), IncidentMember.class);

		Incident retried = this.members.join(id, "c-3", START.plusSeconds(3));

		assertThat(retried.memberCount()).isEqualTo(4);
		assertThat(retried.revision()).isEqualTo(2);
		assertThat(this.members.isMember(id, "c-3")).isTrue();
	}

	@Test
	void aPollsNewMembersJoinInOneRevisionAndMembersAlreadyKnownAreLeftOut() {
		String id = open("INC-D", 3);

		Incident joined = this.members.joinAll(id, List.of("c-3", "c-4", "c-0"), START.plusSeconds(4));
		Incident again = this.members.joinAll(id, List.of("c-3", "c-4", "c-5"), START.plusSeconds(5));

		assertThat(joined.memberCount()).isEqualTo(5);
		assertThat(joined.revision()).isEqualTo(2);
		assertThat(again.memberCount()).isEqualTo(6);
		assertThat(again.revision()).isEqualTo(3);
		assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(id)), IncidentMember.class)).isEqualTo(6);
	}

	private String open(String id, int size) {
		List<String> first = IntStream.range(0, size).mapToObj((i) -> "c-" + i).toList();
		this.members.open(new Incident(id, "BJ-CY", Category.NETWORK, first, null, size, 1, START,
				START.plusSeconds(size - 1), "c-0", "C-0"),
				IntStream.range(0, size).mapToObj(START::plusSeconds).toList());
		return id;
	}

}
