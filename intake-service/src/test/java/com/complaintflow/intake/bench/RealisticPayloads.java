package com.complaintflow.intake.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Complaint bodies built from the real complaint texts in ../shared/data (FCC Comcast
 * complaints in English, Weibo telecom complaints in Chinese), with varied customers,
 * tiers, regions and remedies.
 */
final class RealisticPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] TIERS = { "STANDARD", "SILVER", "GOLD", "PLATINUM" };

	private static final String[] REGIONS = { "BJ-CY", "BJ-HD", "SH-PD", "GZ-TH", "SD-JN", "ZJ-HZ" };

	private static final String[] REMEDIES = { "FIX", "REFUND", "COMPENSATION", "CANCEL", "APOLOGY", "INFORMATION" };

	private RealisticPayloads() {
	}

	/**
	 * Reads the two data sets and builds {@code count} bodies, alternating languages.
	 * @param dataDirectory the shared data directory
	 * @param count how many bodies
	 * @return UTF-8 JSON bodies
	 */
	static List<byte[]> load(Path dataDirectory, int count) throws IOException {
		List<String> english = column(dataDirectory.resolve("comcast-fcc-2015-dev.csv"), "Description_aligned");
		List<String> chinese = column(dataDirectory.resolve("weibo-telecom-complaints-zh-dev.csv"),
				"customer_first_turn");
		Random random = new Random(42);
		List<byte[]> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean zh = i % 2 == 1;
			List<String> texts = zh ? chinese : english;
			String text = texts.get(random.nextInt(texts.size()));
			ObjectNode body = JSON.createObjectNode();
			ObjectNode customer = body.putObject("customer");
			customer.put("id", "C-" + (100000 + random.nextInt(50000)));
			customer.put("name", zh ? "王芳" : "Alex Doe");
			customer.put("phone", "+86138" + (10000000 + random.nextInt(89999999)));
			customer.put("tier", TIERS[random.nextInt(TIERS.length)]);
			body.put("occurredAt", "2026-11-22T07:30:00Z");
			ObjectNode location = body.putObject("location");
			location.put("regionCode", REGIONS[random.nextInt(REGIONS.length)]);
			location.put("address", zh ? "济南市新泺大街" : "Abingdon, Maryland");
			body.put("description", text.length() > 8000 ? text.substring(0, 8000) : text);
			body.put("believedCause", zh ? "网络太差" : "your network is bad");
			ObjectNode remedy = body.putObject("expectedRemedy");
			remedy.put("kind", REMEDIES[random.nextInt(REMEDIES.length)]);
			remedy.put("deadline", "2026-11-22T10:00:00Z");
			body.put("product", "Fiber 500");
			ObjectNode cues = body.putObject("emotionCues");
			cues.put("repeatedContact", random.nextBoolean());
			cues.put("raisedVoice", random.nextBoolean());
			cues.put("threatensToLeave", random.nextInt(10) == 0);
			cues.put("threatensRegulatorOrMedia", random.nextInt(20) == 0);
			bodies.add(JSON.writeValueAsBytes(body));
		}
		return bodies;
	}

	/**
	 * The non-blank values of one column (Apache Commons CSV: quoted line breaks and
	 * all).
	 */
	private static List<String> column(Path csv, String name) throws IOException {
		CSVFormat withHeader = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		List<String> values = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = withHeader.parse(reader)) {
			for (CSVRecord record : parser) {
				String value = record.isSet(name) ? record.get(name).strip() : "";
				if (!value.isEmpty()) {
					values.add(value);
				}
			}
		}
		return values;
	}

}
