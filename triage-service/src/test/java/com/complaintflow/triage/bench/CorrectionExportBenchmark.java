package com.complaintflow.triage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * The corrections export against the running local stack
 * ({@code bench/corrections-export.sh}): {@code insert N CHARS} stores N corrections of
 * CHARS characters in triage's database, {@code export} reads
 * {@code GET /api/v1/triage/corrections} and prints its lines, bytes and seconds,
 * {@code remove} deletes what {@code insert} stored.
 */
public final class CorrectionExportBenchmark {

	private static final String PREFIX = "CMP-bench-export-";

	private static final String WORDS = "my internet keeps dropping every evening and the bill went up again "
			+ "without notice, nobody calls me back ";

	private CorrectionExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		((Logger) LoggerFactory.getLogger("org.mongodb")).setLevel(Level.WARN);
		String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27017");
		switch (args[0]) {
			case "insert" -> insert(mongoUri, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "export" -> export(System.getProperty("bench.triage", "http://localhost:8082"));
			case "remove" -> remove(mongoUri);
			default -> throw new IllegalArgumentException("insert N CHARS | export | remove");
		}
	}

	private static void insert(String mongoUri, int count, int chars) {
		String text = WORDS.repeat(chars / WORDS.length() + 1).substring(0, chars);
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoCollection<Document> corrections = corrections(client);
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				batch.add(new Document("_id", UUID.randomUUID().toString()).append("complaintId", PREFIX + i)
					.append("customerId", "C-bench")
					.append("language", "EN")
					.append("text", text)
					.append("field", "category")
					.append("previousValue", "BILLING")
					.append("value", "NETWORK")
					.append("decidedBy", "model")
					.append("playbook", "BILLING_ERROR")
					.append("correctedBy", "supervisor")
					.append("role", "SUPERVISOR")
					.append("correctedAt", Date.from(start.plusSeconds(i))));
				if (batch.size() == 1000 || i == count - 1) {
					corrections.insertMany(batch);
					batch.clear();
				}
			}
			System.out.printf("inserted %,d corrections of %,d characters%n", count, chars);
		}
	}

	private static void export(String triage) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(System.getProperty("bench.user", "ops:ops-dev").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(triage + "/api/v1/triage/corrections"))
			.header("Authorization", "Basic " + credentials)
			.build();
		long started = System.nanoTime();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream body = response.body()) {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					lines += (buffer[i] == '\n') ? 1 : 0;
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("export: HTTP %d, %,d lines, %,d bytes in %.1f s%n", response.statusCode(), lines, bytes,
				seconds);
	}

	private static void remove(String mongoUri) {
		try (MongoClient client = MongoClients.create(mongoUri)) {
			long removed = corrections(client).deleteMany(Filters.regex("complaintId", "^" + PREFIX)).getDeletedCount();
			System.out.printf("removed %,d corrections%n", removed);
		}
	}

	private static MongoCollection<Document> corrections(MongoClient client) {
		return client.getDatabase("triage").getCollection("corrections");
	}

}
