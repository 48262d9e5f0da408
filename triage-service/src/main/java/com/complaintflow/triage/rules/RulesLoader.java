package com.complaintflow.triage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
		RulesDocument document;
		try {
			document = MAPPER.convertValue(tree, RulesDocument.class);
		}
		catch (RuntimeException ex) {
			throw new InvalidRulesException(List.of(firstLine(ex.getMessage())));
		}
		return RulesCompiler.compile(document);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "cannot map the file";
		}
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
