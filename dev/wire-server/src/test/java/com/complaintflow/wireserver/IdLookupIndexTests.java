package com.complaintflow.wireserver;

import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _id} index answers a query naming one {@code _id} (or an {@code $in} list of
 * them) and more with those documents' positions, where mongo-java-server's own index
 * declines (and the collection would scan).
 */
class IdLookupIndexTests {

	private final MemoryUniqueIndex plain = new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);

	private final IdLookupIndex<Integer> index = new IdLookupIndex<>(this.plain);

	IdLookupIndexTests() {
		for (int i = 0; i < 1_000; i++) {
			this.index.add(new Document("_id", "case-" + i), i, null);
		}
	}

	@Test
	void aQueryNamingOneIdAndMoreIsAnsweredWithThatDocumentOnly() {
		Document query = new Document("_id", "case-42").append("version", 3)
			.append("leaseUntil", new Document("$lt", 100));

		assertThat(this.plain.canHandle(query)).isFalse();
		assertThat(this.index.canHandle(query)).isTrue();
		assertThat(this.index.getPositions(query)).containsExactly(42);
	}

	@Test
	void anIdInATopLevelAndIsUsedToo() {
		Document query = new Document("$and",
				List.of(new Document("version", 3), new Document("_id", "case-9"), new Document("v", 1)));

		assertThat(this.plain.canHandle(query)).isFalse();
		assertThat(this.index.canHandle(query)).isTrue();
		assertThat(this.index.getPositions(query)).containsExactly(9);
	}

	@Test
	void aQueryNamingAListOfIdsAndMoreIsAnsweredWithThoseDocumentsOnly() {
		Document query = new Document("_id", new Document("$in", List.of("case-3", "case-5", "case-x")))
			.append("incidentCaseId", null);

		assertThat(this.plain.canHandle(query)).isFalse();
		assertThat(this.index.canHandle(query)).isTrue();
		assertThat(this.index.getPositions(query)).containsExactlyInAnyOrder(3, 5);
	}

	@Test
	void anUnknownIdGivesNoPosition() {
		assertThat(this.index.getPositions(new Document("_id", "case-x").append("version", 3))).isEmpty();
	}

	@Test
	void queriesOnTheIdAloneAreAnsweredAsBefore() {
		assertThat(this.index.getPositions(new Document("_id", "case-7"))).containsExactly(7);
		assertThat(this.index.getPositions(new Document("_id", new Document("$in", List.of("case-1", "case-2")))))
			.containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void operatorsOnTheIdAndQueriesWithoutItAreLeftToTheScan() {
		assertThat(this.index.canHandle(new Document("version", 3))).isFalse();
		assertThat(this.index.canHandle(new Document("_id", new Document("$gt", "case-1")).append("version", 3)))
			.isFalse();
		assertThat(this.index.canHandle(new Document("_id", null).append("version", 3))).isFalse();
		assertThat(this.index.canHandle(
				new Document("_id", new Document("$in", List.of("case-1", new Document()))).append("version", 3)))
			.isFalse();
		assertThat(this.index.canHandle(
				new Document("_id", new Document("$in", List.of("case-1")).append("$ne", "case-2")).append("v", 1)))
			.isFalse();
	}

	@Test
	void otherIndexesAreNotWrapped() {
		assertThat(IdLookupIndex.isIdIndex(List.of(new IndexKey("_id", true)))).isTrue();
		assertThat(IdLookupIndex.isIdIndex(List.of(new IndexKey("nextFireAt", true)))).isFalse();
		assertThat(IdLookupIndex.isIdIndex(List.of(new IndexKey("_id", true), new IndexKey("v", true)))).isFalse();
	}

}
