package com.complaintflow.systemtests.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The library a sampled stack is counted for, and the shares printed. */
class LibrarySharesTests {

	@Test
	void aJdkFrameCountsForTheLibraryThatCalledIt() {
		assertThat(LibraryShares.libraryOf(List.of("java.util.HashMap", "org.bson.codecs.DocumentCodec",
				"org.springframework.data.mongodb.core.MongoTemplate")))
			.isEqualTo("MongoDB driver and BSON");
		assertThat(
				LibraryShares.libraryOf(List.of("java.util.HashMap", "com.complaintflow.triage.model.LanguageModel")))
			.isEqualTo("complaint-flow");
	}

	@Test
	void kafkaStreamsIsToldApartFromKafkasClient() {
		assertThat(LibraryShares.libraryOf(List.of("org.apache.kafka.streams.state.internals.ThreadCache")))
			.isEqualTo("Kafka Streams");
		assertThat(LibraryShares.libraryOf(List.of("org.apache.kafka.common.utils.Utils"))).isEqualTo("Kafka client");
	}

	@Test
	void aStackOfJdkFramesAloneIsSaidSo() {
		assertThat(LibraryShares.libraryOf(List.of("java.lang.Thread"))).isEqualTo(LibraryShares.JDK_ONLY);
	}

	@Test
	void sharesAreLargestFirst() {
		LibraryShares shares = new LibraryShares();
		shares.add(List.of("org.bson.BsonWriter"));
		shares.add(List.of("tools.jackson.core.JsonParser"));
		shares.add(List.of("org.bson.BsonReader"));
		shares.add(List.of("java.lang.Thread"));
		assertThat(shares.samples()).isEqualTo(4);
		assertThat(shares.largest(2)).isEqualTo("MongoDB driver and BSON 50%, Jackson JSON 25%");
	}

}
