package com.complaintflow.wireserver;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow command log names a filter's fields and operators, never its values.
 */
class SlowCommandLogTests {

	@Test
	void aFindIsDescribedByItsFilterFieldsAndOperators() {
		Document find = new Document("find", "idempotency_keys").append("filter",
				new Document("state", "PENDING").append("attemptAt", new Document("$lt", 12345)));

		assertThat(SlowCommandLog.shape(find)).isEqualTo("[attemptAt, attemptAt.$lt, state]").doesNotContain("PENDING");
	}

	@Test
	void anUpdateIsDescribedByItsFirstStatementsQuery() {
		Document update = new Document("update", "customer_history").append("updates",
				List.of(new Document("q", new Document("_id", "+8613800000000")).append("u", new Document())));

		assertThat(SlowCommandLog.shape(update)).isEqualTo("[_id]").doesNotContain("138");
	}

	@Test
	void aCommandWithoutAFilterHasAnEmptyShape() {
		assertThat(SlowCommandLog.shape(new Document("insert", "cases"))).isEqualTo("{}");
	}

}
