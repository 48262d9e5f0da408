package com.complaintflow.systemtests.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Complaint texts for load, each with its language: the real Comcast FCC complaints
 * (English) and Weibo telecom posts (Chinese) from the shared data folder where it exists
 * (a development resource beside the clone), else a few written ones.
 */
public final class ComplaintTexts {

	private static final int MAX_LENGTH = 8000;

	/** Written for this tool, used when the shared data folder is not there. */
	private static final List<Text> WRITTEN = List.of(
			new Text("Broadband drops every 15 minutes since this morning, I have reported this three times", "en"),
			new Text("My bill shows a $15 video subscription I never ordered. Refund it now.", "en"),
			new Text("The technician was due on Monday between 8 and 12 and nobody came or called.", "en"),
			new Text("The rented modem reboots itself every evening and the light turns red.", "en"),
			new Text("The agent hung up on me twice when I asked about the early termination fee.", "en"),
			new Text("I am porting my number to another carrier at the end of the month unless this is fixed.", "en"),
			new Text("小区宽带从昨晚开始一直断网，报修两次了还没人来。", "zh"), new Text("这个月账单多扣了三十元流量费，我根本没用那么多，请退钱。", "zh"),
			new Text("营业厅工作人员态度恶劣，问两遍就不耐烦。", "zh"), new Text("手机信号一直只有一格，打电话经常掉线。", "zh"),
			new Text("说好48小时内回复，已经一周了没人联系我。", "zh"), new Text("再不解决我就携号转网了。", "zh"));

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
	 * @return the texts (the written ones when the folder has neither file)
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
			System.out
				.println("No complaint data in " + folder.toAbsolutePath() + " (set COMPLAINTFLOW_SHARED_DATA to the"
						+ " shared data folder): using " + WRITTEN.size() + " written texts instead");
			return new ComplaintTexts(WRITTEN);
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
		List<Text> texts = new ArrayList<>();
		for (String value : CsvColumn.read(file, column)) {
			texts.add(new Text((value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) : value, language));
		}
		return texts;
	}

}
