package com.complaintflow.triage.model.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;

/**
 * A set of complaints written and labelled by hand for this project
 * ({@code triage-service/src/test/resources/eval/*.psv}: short complaints in the words a
 * hotline, store or app channel takes down), read as rows or as training examples.
 */
public final class WrittenSet {

	/** The fields labelled, in column order, with the codes used in the files. */
	public static final Map<String, Map<String, String>> CODES = new LinkedHashMap<>();

	static {
		CODES.put("category", Map.of("NET", "NETWORK", "BIL", "BILLING", "PRO", "PRODUCT", "DEV", "DEVICE", "ATT",
				"SERVICE_ATTITUDE", "QUA", "SERVICE_QUALITY", "EME", "EMERGENCY"));
		CODES.put("playbook",
				Map.of("CM", "COMPETITOR_MISLEADING", "CP", "COMPETITOR_PROMOTION", "UIT", "UNRESOLVED_IN_TIME", "BE",
						"BILLING_ERROR", "DF", "DEVICE_FAULT", "NF", "NETWORK_FAULT", "ONA", "OWN_NUMBER_ADVICE", "UD",
						"UNREASONABLE_DEMAND", "SC", "STANDARD_CARE"));
		CODES.put("churnRisk", Map.of("L", "LOW", "M", "MEDIUM", "H", "HIGH"));
		CODES.put("emotion", Map.of("A", "ANGER", "X", "ANXIETY", "D", "DISAPPOINTMENT", "N", "NEUTRAL"));
		CODES.put("nature", Map.of("V", "VALID", "H", "HELP_SEEKING", "I", "INQUIRY", "E", "VENTING"));
		CODES.put("persona", Map.of("V", "VENTING", "R", "RESPECT_SEEKING", "C", "COMPENSATION_SEEKING"));
		CODES.put("rootCause", Map.of("C", "CUSTOMER_SIDE", "O", "OPERATOR_SIDE", "E", "EXTERNAL", "U", "UNKNOWN"));
	}

	private WrittenSet() {
	}

	/**
	 * One labelled complaint: the labels by field key, and the options (history, cues,
	 * remedy asked for) its labels depend on, as written in the file.
	 */
	public record Row(String id, Language language, String text, Map<String, String> labels, String options) {

		/** Whether the labels follow from the text alone (no history, cues or remedy). */
		public boolean textOnly() {
			return this.options.isEmpty();
		}

		/** This row as a training example, labelled in every field it has a label for. */
		public LabelledExample example(String set) {
			return new LabelledExample(set, this.id, this.language, this.text, this.labels, Map.of(), true,
					"written:" + set);
		}

	}

	/** Reads the rows of a set; lines starting with # are comments. */
	public static List<Row> read(BufferedReader reader) throws IOException {
		List<Row> rows = new ArrayList<>();
		String line;
		while ((line = reader.readLine()) != null) {
			if (!line.isBlank() && !line.startsWith("#")) {
				rows.add(parse(line));
			}
		}
		return rows;
	}

	/**
	 * The rows of a set file whose labels follow from the text alone, as training or
	 * evaluation examples of one language.
	 */
	public static List<LabelledExample> examples(Path file, Language language) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String set = file.getFileName().toString();
			return read(reader).stream()
				.filter((row) -> row.textOnly() && row.language() == language)
				.map((row) -> row.example(set))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The examples as trained on: each repeated {@code -Dtriage.train.written-weight}
	 * times (1), so that a few hundred short texts weigh against a corpus of long ones.
	 */
	public static List<LabelledExample> weighted(List<LabelledExample> examples) {
		List<LabelledExample> weighted = new ArrayList<>();
		for (int i = 0; i < WEIGHT; i++) {
			weighted.addAll(examples);
		}
		return weighted;
	}

	private static final int WEIGHT = Integer.getInteger("triage.train.written-weight", 1);

	private static Row parse(String line) {
		String[] columns = line.split("\\|", 11);
		if (columns.length < 11) {
			throw new IllegalArgumentException("Expected 11 columns: " + line);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		int column = 2;
		for (Map.Entry<String, Map<String, String>> field : CODES.entrySet()) {
			String code = columns[column++].trim();
			if (!code.equals("-")) {
				String value = field.getValue().get(code);
				if (value == null) {
					throw new IllegalArgumentException(columns[0] + ": unknown " + field.getKey() + " code " + code);
				}
				labels.put(field.getKey(), value);
			}
		}
		Language language = columns[1].trim().equals("zh") ? Language.ZH : Language.EN;
		return new Row(columns[0].trim(), language, columns[10], labels, columns[9].trim());
	}

}
