package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.complaintflow.triage.rules.RulesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules file states, for each rule (but the hard ones, which state their own
 * record) and each field's score, usual value and fallback that decided real complaints,
 * the confidence the committed report's record supports, to 0.05: a rule changed and the
 * report regenerated without its confidence fails here.
 */
class RulesFileRecordTests {

	private static final Pattern ROW = Pattern
		.compile("^\\| `(\\w+)\\.([^`]+)` \\| \\d+ \\| \\d+ \\| [\\d.]+ \\| ([\\d.]+) \\|$");

	@Test
	void eachConfidenceInTheRulesFileIsWhatTheReportsRecordSupports() throws IOException {
		Map<String, Object> decisions = decisions();
		List<String> checked = new ArrayList<>();
		List<String> off = new ArrayList<>();
		for (String line : Files.readString(Path.of("../docs/triage-model-evaluation.md"), StandardCharsets.UTF_8)
			.lines()
			.toList()) {
			Matcher row = ROW.matcher(line);
			if (!row.matches()) {
				continue;
			}
			Double stated = stated(section(decisions, row.group(1)), row.group(2));
			if (stated == null) {
				continue;
			}
			checked.add(row.group(1) + "." + row.group(2));
			double supported = Double.parseDouble(row.group(3));
			if (!(Math.abs(stated - supported) <= 0.025 + 1e-9)) {
				off.add(row.group(1) + "." + row.group(2) + ": states " + stated + ", its record supports "
						+ supported);
			}
		}

		assertThat(checked).hasSizeGreaterThan(30)
			.contains("playbook.(fallback)", "nature.(default)", "category.(score)", "rootCause.terminal-first");
		assertThat(off).isEmpty();
	}

	/**
	 * The confidence the file states for what decided ({@code (score)},
	 * {@code (default)}, {@code (fallback)} or a rule's id), NaN for a score's share, or
	 * null for a hard rule.
	 */
	@SuppressWarnings("unchecked")
	private static Double stated(Map<String, Object> field, String decidedBy) {
		Map<String, Object> sources = (Map<String, Object>) field.getOrDefault("confidence", Map.of());
		return switch (decidedBy) {
			// without one, a score states its share of the scores: never its record
			case "(score)" -> number(sources.getOrDefault("score", Double.NaN));
			case "(default)" -> number(sources.getOrDefault("byCategory", 0.6));
			case "(fallback)" -> number(sources.getOrDefault("fallback", 0.4));
			default -> {
				Map<String, Object> rule = ((List<Map<String, Object>>) field.get("rules")).stream()
					.filter((candidate) -> decidedBy.equals(candidate.get("id")))
					.findFirst()
					.orElseThrow();
				yield Boolean.TRUE.equals(rule.get("hard")) ? null
						: (rule.containsKey("confidence") ? number(rule.get("confidence")) : 0.9);
			}
		};
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> decisions, String field) {
		return (Map<String, Object>) decisions.get(field);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> decisions() throws IOException {
		try (InputStream in = RulesLoader.class.getClassLoader().getResourceAsStream(RulesLoader.BUNDLED)) {
			Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return (Map<String, Object>) rules.get("decisions");
		}
	}

}
