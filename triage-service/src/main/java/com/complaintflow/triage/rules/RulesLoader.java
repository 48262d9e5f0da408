package com.complaintflow.triage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rules file (YAML): safe YAML parsing, strict mapping (unknown keys are errors),
 * then validation and compilation.
 */
public final class RulesLoader {

	/** Where the bundled rules are on the classpath. */
	public static final String BUNDLED = "rules/triage-rules.yml";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private RulesLoader() {
	}

	/** The rules bundled with the service. */
	public static RuleSet bundled() {
		try (InputStream in = RulesLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new IllegalStateException("Bundled rules " + BUNDLED + " are missing from the classpath");
			}
			return load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rules in a file. */
	public static RuleSet load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
		catch (IOException ex) {
			throw new InvalidRulesException(List.of("cannot read " + file + ": " + ex.getMessage()));
		}
	}

	/**
	 * Parses, validates and compiles rules.
	 * @param in YAML text
	 * @return the rules
	 * @throws InvalidRulesException with every problem found
	 */
	public static RuleSet load(InputStream in) {
		Object tree;
		try {
			tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (RuntimeException ex) {
			throw new InvalidRulesException(List.of("not valid YAML: " + ex.getMessage()));
		}
		if (!(tree instanceof Map)) {
			throw new InvalidRulesException(List.of("the file must hold a YAML mapping (version, text, signals, ...)"));
		}
		List<String> empty = new ArrayList<>();
		emptyEntries(tree, "", empty);
		if (!empty.isEmpty()) {
			throw new InvalidRulesException(empty);
		}
		RulesDocument document;
		try {
			document = MAPPER.convertValue(tree, RulesDocument.class);
		}
		catch (RuntimeException ex) {
			throw new InvalidRulesException(List.of(firstLine(ex.getMessage())));
		}
		try {
			return RulesCompiler.compile(document);
		}
		catch (InvalidRulesException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// a file the checks above let through must still be a rejection, never a
			// crash
			throw new InvalidRulesException(List.of("cannot compile the rules: " + firstLine(ex.toString())));
		}
	}

	/** Every list item and map value left empty (`- ` or `key:`), by its path. */
	private static void emptyEntries(Object node, String path, List<String> problems) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
				if (value == null) {
					problems.add(child + ": empty; give a value or leave the key out");
				}
				else {
					emptyEntries(value, child, problems);
				}
			});
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) == null) {
					problems.add(path + "[" + i + "]: empty entry");
				}
				else {
					emptyEntries(list.get(i), path + "[" + i + "]", problems);
				}
			}
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "cannot map the file";
		}
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
