package com.complaintflow.wireserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queries that name one {@code _id} and more answer exactly as before (and as mongod
 * does) on both backends: a condition that fails matches nothing, updates and upserts
 * keep their meaning, duplicates are refused, data in an H2 file survives a restart, and
 * a file written with H2's own index maps opens with ours, rebuilt from the documents; a
 * query no index answers over a large collection is logged, with no value of its filter.
 */
class WireServerBackendsTests {

	@TempDir
	static Path directory;

	static Stream<String> backends() {
		return Stream.of("memory", "h2");
	}

	@ParameterizedTest
	@MethodSource("backends")
	void conditionsBesideTheIdStillDecide(String backend) {
		try (Served served = serve(backend)) {
			MongoCollection<Document> cases = served.collection();
			cases.insertOne(new Document("_id", "case-1").append("version", 3).append("leaseUntil", 100));
			cases.insertOne(new Document("_id", "case-2").append("version", 3).append("leaseUntil", 100));

			assertThat(cases.find(Filters.and(Filters.eq("_id", "case-1"), Filters.eq("version", 3))))
				.extracting((doc) -> doc.get("_id"))
				.containsExactly("case-1");
			assertThat(cases.find(Filters.and(Filters.eq("_id", "case-1"), Filters.eq("version", 2)))).isEmpty();
			assertThat(cases.find(Filters.and(Filters.eq("_id", "case-9"), Filters.eq("version", 3)))).isEmpty();

			Document claimed = cases.findOneAndUpdate(
					Filters.and(Filters.eq("_id", "case-2"), Filters.lt("leaseUntil", 200)),
					Updates.set("leaseUntil", 300), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			assertThat(claimed.getInteger("leaseUntil")).isEqualTo(300);
			assertThat(cases.findOneAndUpdate(Filters.and(Filters.eq("_id", "case-2"), Filters.lt("leaseUntil", 200)),
					Updates.set("leaseUntil", 400)))
				.isNull();
			assertThat(cases
				.updateOne(Filters.and(Filters.eq("_id", "case-1"), Filters.eq("version", 2)),
						Updates.set("version", 4))
				.getModifiedCount()).isZero();
			assertThat(cases.find(Filters.eq("_id", "case-1")).first().getInteger("version")).isEqualTo(3);
		}
	}

	@ParameterizedTest
	@MethodSource("backends")
	void conditionalUpsertAddsOnceAndRefusesTheDuplicate(String backend) {
		try (Served served = serve(backend)) {
			MongoCollection<Document> history = served.collection();
			var absent = Filters.and(Filters.eq("_id", "C-1"), Filters.ne("complaints.id", "c-1"));
			history.updateOne(absent, Updates.push("complaints", new Document("id", "c-1")),
					new UpdateOptions().upsert(true));

			assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> history.updateOne(absent,
					Updates.push("complaints", new Document("id", "c-1")), new UpdateOptions().upsert(true)));
			assertThat(history.find(Filters.eq("_id", "C-1")).first().getList("complaints", Document.class)).hasSize(1);
		}
	}

	@ParameterizedTest
	@MethodSource("backends")
	void queriesNamingAListOfIdsOrNoIdAnswerAsBefore(String backend) {
		try (Served served = serve(backend)) {
			MongoCollection<Document> cases = served.collection();
			for (int i = 0; i < 10; i++) {
				cases.insertOne(new Document("_id", "case-" + i).append("status", (i % 2 == 0) ? "OPEN" : "CLOSED"));
			}
			// finds, not counts: the wire server answers a count (an aggregation) by
			// reading every document, whatever its filter
			assertThat(cases.find(Filters.eq("status", "OPEN"))).hasSize(5);
			assertThat(cases.find(Filters.and(Filters.in("_id", "case-1", "case-2", "case-2", "case-x"),
					Filters.eq("status", "OPEN"))))
				.extracting((doc) -> doc.get("_id"))
				.containsExactly("case-2");
			assertThat(cases
				.updateMany(Filters.and(Filters.in("_id", "case-3", "case-4"), Filters.eq("status", "OPEN")),
						Updates.set("checked", true))
				.getModifiedCount()).isEqualTo(1);
			assertThat(cases.find(Filters.and(Filters.regex("_id", "^case-1"), Filters.eq("status", "CLOSED"))))
				.hasSize(1);
			assertThat(cases.find(Filters.in("_id", "case-3", "case-4"))).hasSize(2);
		}
	}

	@Test
	void anH2FileKeepsItsDataAcrossARestart() {
		String file = directory.resolve("restart.mv").toString();
		Document typed = new Document("_id", "typed").append("int", 7)
			.append("long", 7L)
			.append("double", 0.5)
			.append("decimal", Decimal128.parse("12.30"))
			.append("date", new Date(1_700_000_000_123L))
			.append("id", new ObjectId())
			.append("bytes", new Binary(new byte[] { 1, 2, 3 }))
			.append("text", "投诉 ✓")
			.append("nothing", null)
			.append("list", List.of(1, "two", new Document("three", 3L)))
			.append("nested", new Document("a", new Document("b", true)));
		try (Served first = new Served(WireServerBackends.h2File(file))) {
			first.collection().insertOne(new Document("_id", "kept").append("version", 1));
			first.collection().insertOne(typed);
		}
		try (Served second = new Served(WireServerBackends.h2File(file))) {
			assertThat(second.collection().find(Filters.and(Filters.eq("_id", "kept"), Filters.eq("version", 1))))
				.hasSize(1);
			assertThat(second.collection().find(Filters.eq("_id", "typed")).first()).isEqualTo(typed);
		}
	}

	@ParameterizedTest
	@MethodSource("backends")
	void aScanOfALargeCollectionIsLoggedWithTheShapeOfItsFilterOnly(String backend) {
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(CollectionScans.class);
		logged.start();
		logger.addAppender(logged);
		try (Served served = serve(backend)) {
			MongoCollection<Document> cases = served.collection();
			List<Document> many = new ArrayList<>();
			for (int i = 0; i < CollectionScans.LARGE; i++) {
				many.add(new Document("_id", "case-" + i).append("status", "OPEN").append("email", "c" + i + "@x.org"));
			}
			cases.insertMany(many);

			// answered by the _id index, or reading everything on purpose: no scan
			assertThat(cases.find(Filters.and(Filters.in("_id", "case-1", "case-2"), Filters.eq("status", "OPEN"))))
				.hasSize(2);
			assertThat(cases.find()).hasSize(CollectionScans.LARGE);
			assertThat(logged.list).isEmpty();

			assertThat(cases.find(Filters.eq("email", "c7@x.org"))).hasSize(1);
			assertThat(cases.find(Filters.eq("email", "c8@x.org"))).hasSize(1);
			cases.updateMany(Filters.lt("status", "P"), Updates.set("status", "CLOSED"));

			assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
				.containsExactly("Collection scan (1000 documents, seen 1 times): test.things [email]",
						"Collection scan (1000 documents, seen 1 times): test.things [status, status.$lt]");
		}
		finally {
			logger.detachAppender(logged);
		}
	}

	@Test
	void anH2FileWrittenWithH2sOwnIndexesOpensWithItsIndexesRebuilt() {
		String file = directory.resolve("plain.mv").toString();
		try (Served plain = new Served(new H2Backend(file))) {
			plain.collection().createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			plain.collection().insertOne(new Document("_id", "kept").append("email", "a@example.com"));
		}
		try (Served ours = new Served(WireServerBackends.h2File(file))) {
			MongoCollection<Document> things = ours.collection();
			assertThat(things.find(Filters.eq("_id", "kept"))).hasSize(1);
			assertThat(things.find(Filters.eq("email", "a@example.com"))).hasSize(1);
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> things.insertOne(new Document("_id", "kept")));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> things.insertOne(new Document("_id", "other").append("email", "a@example.com")));
		}
	}

	@ParameterizedTest
	@MethodSource("backends")
	void uniqueIndexesTellValuesOfEveryTypeApart(String backend) {
		try (Served served = serve(backend)) {
			MongoCollection<Document> things = served.collection();
			things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
			List<Object> keys = List.of("1", 1L, 2, 2.5, true, new Date(1), new ObjectId(), new Document("a", 1),
					new Document("a", 2), List.of(7, 8));
			for (int i = 0; i < keys.size(); i++) {
				things.insertOne(new Document("_id", i).append("key", keys.get(i)));
			}
			for (int i = 0; i < keys.size(); i++) {
				Object key = keys.get(i);
				assertThat(things.find(Filters.eq("_id", i))).hasSize(1);
				assertThatExceptionOfType(MongoWriteException.class).as("duplicate %s", key)
					.isThrownBy(() -> things.insertOne(new Document("_id", "dup").append("key", key)));
			}
			things.dropIndex("key_1");
			things.insertOne(new Document("_id", "dup").append("key", "1"));
			assertThat(things.countDocuments(Filters.eq("key", "1"))).isEqualTo(2);
		}
	}

	/**
	 * mongo-java-server changes a stored document in place, under the collection's lock,
	 * but encodes an answer after the lock is released: an answer held the stored
	 * document itself, so an update landing during the encoding broke it
	 * ({@code ConcurrentModificationException}, the connection dropped, the reader's pool
	 * paused). Answers are copies now ({@link AnswerCopies}).
	 */
	@ParameterizedTest
	@MethodSource("backends")
	void readersNeverSeeADocumentChangingUnderThem(String backend) throws Exception {
		try (Served served = serve(backend)) {
			MongoCollection<Document> cases = served.collection();
			Document wide = new Document("_id", "case-1");
			for (int field = 0; field < 200; field++) {
				wide.append("field" + field, "value " + field);
			}
			cases.insertOne(wide);
			AtomicBoolean reading = new AtomicBoolean(true);
			ExecutorService readers = Executors.newFixedThreadPool(2);
			List<Future<Integer>> reads = new ArrayList<>();
			for (int reader = 0; reader < 2; reader++) {
				reads.add(readers.submit(() -> {
					int answers = 0;
					while (reading.get()) {
						assertThat(cases.find(Filters.eq("_id", "case-1")).first()).isNotNull();
						assertThat(cases.find().into(new ArrayList<>())).hasSize(1);
						answers += 2;
					}
					return answers;
				}));
			}
			try {
				for (int update = 0; update < 1_500; update++) {
					// a field added and removed: the stored document's key set changes
					cases.updateOne(Filters.eq("_id", "case-1"), (update % 2 == 0)
							? Updates.set("extra" + update, update) : Updates.unset("extra" + (update - 1)));
					cases.replaceOne(Filters.eq("_id", "case-1"),
							new Document(wide).append("replaced" + (update % 3), update));
				}
			}
			finally {
				reading.set(false);
				readers.shutdown();
			}
			int answers = 0;
			for (Future<Integer> read : reads) {
				answers += read.get(30, TimeUnit.SECONDS);
			}
			assertThat(answers).isPositive();
		}
	}

	private static Served serve(String backend) {
		return new Served(backend.equals("memory") ? WireServerBackends.inMemory()
				: WireServerBackends.h2File(directory.resolve("test-" + System.nanoTime() + ".mv").toString()));
	}

	/** A running wire server with one client. */
	private static final class Served implements AutoCloseable {

		private final MongoServer server;

		private final MongoClient client;

		Served(MongoBackend backend) {
			this.server = new MongoServer(backend);
			var address = this.server.bind();
			this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		}

		MongoCollection<Document> collection() {
			return this.client.getDatabase("test").getCollection("things");
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
		}

	}

}
