package com.complaintflow.triage.model.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.complaintflow.events.Language;
import com.complaintflow.triage.text.FollowUpMessages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The repository's label store: JSON Lines of row keys and labels, never texts (one file
 * per data set), and the texts joined from the data set's CSV at training time.
 */
public final class LabelStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A labelled data set: its CSV, key column, language and how to take a row's text.
	 */
	public enum DataSet {

		/**
		 * Comcast complaints to the FCC: title and narrative, the follow-up messages (the
		 * FCC's notice first) left out as triage leaves them out.
		 */
		COMCAST("comcast-fcc-2015-dev", "Ticket #", Language.EN),

		/**
		 * Weibo posts to Chinese operators: all the customer's turns (what the labels
		 * describe: the guide labels the customer's words, agent replies aside).
		 */
		WEIBO("weibo-telecom-complaints-zh-dev", "id", Language.ZH);

		public final String name;

		public final String keyColumn;

		public final Language language;

		DataSet(String name, String keyColumn, Language language) {
			this.name = name;
			this.keyColumn = keyColumn;
			this.language = language;
		}

		/** The complaint text of a CSV row. */
		public String text(Map<String, String> row) {
			if (this == COMCAST) {
				return row.getOrDefault("Customer Complaint", "") + ". "
						+ FollowUpMessages.complaintOf(row.getOrDefault("Description_aligned", ""));
			}
			String all = row.getOrDefault("customer_text", "");
			return all.isBlank() ? row.getOrDefault("customer_first_turn", "") : all;
		}

		public String csvFile() {
			return this.name + ".csv";
		}

		public String labelFile() {
			return this.name + ".jsonl";
		}

	}

	private LabelStore() {
	}

	/** Key to text of every row of a data set's CSV. */
	public static Map<String, String> texts(Path dataDir, DataSet set) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		CSVFormat withHeader = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(dataDir.resolve(set.csvFile()), StandardCharsets.UTF_8);
				CSVParser parser = withHeader.parse(reader)) {
			for (CSVRecord record : parser) {
				Map<String, String> row = record.toMap();
				texts.put(row.get(set.keyColumn), set.text(row));
			}
		}
		return texts;
	}

	/** The keys of a data set's CSV in row order (row numbers are 1-based positions). */
	public static List<String> keys(Path dataDir, DataSet set) throws IOException {
		return new ArrayList<>(texts(dataDir, set).keySet());
	}

	/**
	 * Reads stored labels and joins them with their texts (rows without text are
	 * skipped).
	 */
	public static List<LabelledExample> examples(Path labelFile, Map<String, String> texts, DataSet set)
			throws IOException {
		List<LabelledExample> examples = new ArrayList<>();
		for (String line : Files.readAllLines(labelFile, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = JSON.readTree(line);
			String key = node.get("key").asString();
			String text = texts.get(key);
			if (text == null || text.isBlank()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			for (String field : LabelledExample.FIELDS) {
				JsonNode value = node.get(field);
				if (value != null && !value.isNull()) {
					labels.put(field, value.asString());
				}
			}
			Map<String, Set<String>> alt = new LinkedHashMap<>();
			JsonNode alts = node.get("alt");
			if (alts != null && alts.isObject()) {
				for (String field : alts.propertyNames()) {
					Set<String> values = new TreeSet<>();
					alts.get(field).forEach((value) -> values.add(value.asString()));
					alt.put(field, values);
				}
			}
			examples.add(new LabelledExample(set.name, key, set.language, text, labels, alt,
					node.get("is_complaint").asBoolean(), node.path("labeller").asString("")));
		}
		return examples;
	}

	/**
	 * Writes labels (keys and labels only) sorted by key, one JSON object a line.
	 * @param rows key to the label record
	 */
	public static void write(Path file, Map<String, ObjectNode> rows) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (ObjectNode row : new TreeMap<>(rows).values()) {
				out.write(JSON.writeValueAsString(row));
				out.write('\n');
			}
		}
	}

	static JsonMapper json() {
		return JSON;
	}

}
