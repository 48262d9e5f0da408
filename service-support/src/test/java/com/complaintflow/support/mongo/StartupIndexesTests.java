package com.complaintflow.support.mongo;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index creation waits for a MongoDB that is not answering yet instead of failing
 * start-up.
 */
class StartupIndexesTests {

	@Test
	void createsTheIndexOnceTheDatabaseAnswers() throws Exception {
		int port = TestInfrastructure.closedPort();
		MongoServer server = new MongoServer(WireServerBackends.inMemory());
		CompletableFuture<Void> startsLate = CompletableFuture.runAsync(
				() -> server.bind(new InetSocketAddress("127.0.0.1", port)),
				CompletableFuture.delayedExecutor(1_500, TimeUnit.MILLISECONDS));
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyToClusterSettings((cluster) -> cluster.hosts(java.util.List.of(new ServerAddress("127.0.0.1", port)))
				.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			MongoTemplate mongo = new MongoTemplate(client, "startup");

			StartupIndexes.ensure(mongo, "things", new Index().on("kind", Sort.Direction.ASC).named("kind_1"));

			assertThat(startsLate).isDone();
			assertThat(mongo.indexOps("things").getIndexInfo())
				.anySatisfy((index) -> assertThat(index.getName()).isEqualTo("kind_1"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
