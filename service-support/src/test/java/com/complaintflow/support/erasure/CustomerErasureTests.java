package com.complaintflow.support.erasure;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.wireserver.WireServerBackends;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recheck after a poll's writes against the MongoDB wire server: a customer whose
 * erasure another instance requested after one of their events in the poll (this
 * instance's memory does not know it yet) is erased again and their earlier events are
 * returned; an erasure before the event, or none, changes nothing; a failure to read the
 * markers is thrown.
 */
class CustomerErasureTests {

	private static final Instant REQUESTED = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void aCustomerErasedElsewhereAfterAnEventOfThePollIsErasedAgainAndTheEventReturned() {
		MongoTemplate mongo = TestInfrastructure.freshDatabase("recheck");
		// the other instance's markers are written two hours before this one's refresh
		// window (clocks apart), so only a read from the database finds them
		try (ErasedCustomers here = new ErasedCustomers(mongo, Clock.fixed(REQUESTED, ZoneOffset.UTC));
				ErasedCustomers elsewhere = new ErasedCustomers(mongo,
						Clock.fixed(REQUESTED.minus(Duration.ofHours(2)), ZoneOffset.UTC))) {
			CustomerErasure erasure = new CustomerErasure(List.of(new CustomerDocuments(mongo)), here);
			for (String customerId : List.of("C-raced", "C-back", "C-never")) {
				mongo.insert(new Document("customerId", customerId), "notes");
			}
			elsewhere.mark("C-raced", REQUESTED);
			elsewhere.mark("C-back", REQUESTED);
			assertThat(here.erasureRequestedAt("C-raced")).as("not refreshed yet").isNull();
			CustomerContacted raced = contacted("C-raced", REQUESTED.minusSeconds(30));
			CustomerContacted racedAtTheRequest = contacted("C-raced", REQUESTED);
			CustomerContacted racedLater = contacted("C-raced", REQUESTED.plusMillis(1));

			List<CustomerContacted> returned = erasure
				.eraseRaced(List.of(raced, contacted("C-back", REQUESTED.plusMillis(1)), racedAtTheRequest,
						contacted("C-never", REQUESTED), racedLater));

			assertThat(returned).containsExactly(raced, racedAtTheRequest);
			assertThat(mongo.find(new Query(), Document.class, "notes"))
				.extracting((note) -> note.getString("customerId"))
				.containsExactlyInAnyOrder("C-back", "C-never");
			assertThat(erasure.eraseRaced(List.of())).isEmpty();
		}
	}

	@Test
	void aFailureToReadTheMarkersIsThrownAndErasesNothing() {
		MongoServer server = new MongoServer(WireServerBackends.inMemory());
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()
				+ "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500")) {
			MongoTemplate mongo = new MongoTemplate(client, "recheck-down");
			try (ErasedCustomers here = new ErasedCustomers(mongo, Clock.systemUTC())) {
				List<String> erased = new ArrayList<>();
				CustomerErasure erasure = new CustomerErasure(List.of((customerId) -> {
					erased.add(customerId);
					return Map.of();
				}), here);
				server.shutdownNow();

				assertThatExceptionOfType(DataAccessException.class)
					.isThrownBy(() -> erasure.eraseRaced(List.of(contacted("C-any", REQUESTED))));
				assertThat(erased).isEmpty();
			}
		}
		finally {
			server.shutdownNow();
		}
	}

	private static CustomerContacted contacted(String customerId, Instant at) {
		return new CustomerContacted(EventMetadata.newEventId(), "followup", at, "CMP-" + UUID.randomUUID(), customerId,
				ComplaintEvent.CURRENT_SCHEMA_VERSION, "CASE-1", "agent", List.of());
	}

}
