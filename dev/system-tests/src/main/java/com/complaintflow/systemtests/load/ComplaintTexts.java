package com.complaintflow.systemtests.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real complaint texts for load: the Comcast FCC complaints (English) and the Weibo
 * telecom posts (Chinese) from the shared data folder, each with its language.
 */
public final class ComplaintTexts {

	private static final int MAX_LENGTH = 8000;

	private final List<Text> texts;

	private ComplaintTexts(List<Text> texts) {
		this.texts = texts;
	}

	/** One complaint text. */
	public record Text(String description, String language) {

	}

	/**
	 * Loads the texts from {@code COMPLAINTFLOW_SHARED_DATA} (default
	 * {@code ../shared/data}).
	 * @return the texts
	 * @throws IllegalStateException when the data folder has neither file
	 */
	public static ComplaintTexts load() {
		String folder = System.getenv().getOrDefault("COMPLAINTFLOW_SHARED_DATA", "../shared/data");
		return load(Path.of(folder));
	}

	static ComplaintTexts load(Path folder) {
		List<Text> texts = new ArrayList<>();
		texts.addAll(column(folder.resolve("comcast-fcc-2015-dev.csv"), "Description_aligned", "en"));
		texts.addAll(column(folder.resolve("weibo-telecom-complaints-zh-dev.csv"), "customer_first_turn", "zh"));
		if (texts.isEmpty()) {
			throw new IllegalStateException("No complaint texts in " + folder.toAbsolutePath()
					+ "; set COMPLAINTFLOW_SHARED_DATA to the shared data folder");
		}
		return new ComplaintTexts(texts);
	}

	public int size() {
		return this.texts.size();
	}

	/** The i-th text, cycling. */
	public Text get(long i) {
		return this.texts.get((int) (i % this.texts.size()));
	}

	/** Mean length in UTF-8 bytes, to size the raw Kafka comparison. */
	public int meanBytes() {
		long total = 0;
		for (Text text : this.texts) {
			total += text.description().getBytes(StandardCharsets.UTF_8).length;
		}
		return (int) (total / this.texts.size());
	}

	private static List<Text> column(Path file, String column, String language) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try {
			List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
			int index = rows.get(0).indexOf(column);
			List<Text> texts = new ArrayList<>();
			for (List<String> row : rows.subList(1, rows.size())) {
				if (index < row.size() && !row.get(index).isBlank()) {
					String text = row.get(index).strip();
					texts.add(new Text((text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text, language));
				}
			}
			return texts;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
