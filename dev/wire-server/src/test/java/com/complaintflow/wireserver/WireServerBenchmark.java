package com.complaintflow.wireserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * Prints how many conditional single-document updates ({@code {_id: x, version: v}}, the
 * shape of an optimistic save or a lease claim) the wire server answers per second as the
 * collection grows, with mongo-java-server's plain backends (memory, H2 file) and with
 * ours. Usage: {@code bench/wire-server.sh [documents...]}.
 */
public final class WireServerBenchmark {

	private WireServerBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		List<Integer> sizes = new ArrayList<>();
		for (String arg : args) {
			sizes.add(Integer.parseInt(arg));
		}
		if (sizes.isEmpty()) {
			sizes = List.of(1_000, 10_000, 100_000);
		}
		System.out.println("documents | plain mongo-java-server | with the _id lookup | H2 file, plain | H2 file, ours"
				+ " (updates/s)");
		for (int size : sizes) {
			System.out.printf("%,9d | %,23.0f | %,19.0f | %,14.0f | %,.0f%n", size,
					updatesPerSecond(new MemoryBackend(), size), updatesPerSecond(WireServerBackends.inMemory(), size),
					updatesPerSecond(new H2Backend(tempFile()), size),
					updatesPerSecond(WireServerBackends.h2File(tempFile()), size));
		}
	}

	private static String tempFile() throws IOException {
		Path file = Files.createTempFile("wire-bench", ".mv");
		Files.delete(file);
		file.toFile().deleteOnExit();
		return file.toString();
	}

	private static double updatesPerSecond(MongoBackend backend, int documents) {
		MongoServer server = new MongoServer(backend);
		var address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			MongoCollection<Document> cases = client.getDatabase("bench").getCollection("cases");
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < documents; i++) {
				batch.add(new Document("_id", "case-" + i).append("version", 0L));
				if (batch.size() == 10_000 || i == documents - 1) {
					cases.insertMany(batch);
					batch.clear();
				}
			}
			long deadline = System.nanoTime() + 3_000_000_000L;
			long started = System.nanoTime();
			int updates = 0;
			while (System.nanoTime() < deadline) {
				String id = "case-" + ThreadLocalRandom.current().nextInt(documents);
				Document current = cases.find(Filters.eq("_id", id)).first();
				cases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", current.getLong("version"))),
						Updates.inc("version", 1L));
				updates++;
			}
			return updates / ((System.nanoTime() - started) / 1e9);
		}
		finally {
			server.shutdownNow();
		}
	}

}
