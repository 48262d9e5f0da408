package com.complaintflow.systemtests.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code complaintflow.*} property the services set in their YAML files or read
 * with a placeholder is described in the configuration metadata the
 * spring-boot-configuration-processor writes (from the properties records' Javadoc, or
 * {@code additional-spring-configuration-metadata.json} for a placeholder).
 */
class ConfigurationMetadataTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(complaintflow\\.[a-z0-9.\\-]+)[:}]");

	private final BuildFiles files = BuildFiles.ofRepository();

	@Test
	void everyComplaintflowPropertyHasMetadataWithADescription() throws IOException {
		Map<String, String> described = metadata();
		assertThat(described).as("metadata on the classpath").isNotEmpty();
		Set<String> used = usedProperties();
		assertThat(used).as("properties found in the sources").hasSizeGreaterThan(30);
		Set<String> missing = new TreeSet<>();
		for (String property : used) {
			String known = describedAncestor(property, described);
			if (known == null || described.get(known).isBlank()) {
				missing.add(property);
			}
		}
		assertThat(missing).as("complaintflow.* properties without a described metadata entry").isEmpty();
	}

	/** The property itself or the map or list property it is an entry of. */
	private static String describedAncestor(String property, Map<String, String> described) {
		String name = property.replaceAll("\\[\\d+]", "");
		while (name.contains(".")) {
			if (described.containsKey(name)) {
				return name;
			}
			name = name.substring(0, name.lastIndexOf('.'));
		}
		return null;
	}

	private static Map<String, String> metadata() throws IOException {
		Map<String, String> described = new TreeMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("complaintflow.")) {
						described.put(name, property.path("description").asString(""));
					}
				}
			}
		}
		return described;
	}

	private Set<String> usedProperties() throws IOException {
		Set<String> used = new TreeSet<>();
		for (String module : this.files.serviceModules()) {
			used.addAll(fromYaml(this.files.root().resolve(module)));
			used.addAll(fromPlaceholders(this.files.root().resolve(module)));
		}
		used.addAll(fromYaml(this.files.root().resolve("service-support")));
		used.addAll(fromPlaceholders(this.files.root().resolve("service-support")));
		return used;
	}

	private static Set<String> fromYaml(Path module) throws IOException {
		Set<String> used = new TreeSet<>();
		Path resources = module.resolve("src/main/resources");
		if (!Files.isDirectory(resources)) {
			return used;
		}
		try (Stream<Path> yamls = Files.list(resources)) {
			for (Path file : yamls.filter((path) -> path.toString().endsWith(".yml")).toList()) {
				Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
				flatten("", root, used);
			}
		}
		used.removeIf((name) -> !name.startsWith("complaintflow."));
		return used;
	}

	private static void flatten(String prefix, Object node, Set<String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else {
			into.add(prefix);
		}
	}

	private static Set<String> fromPlaceholders(Path module) throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(module.resolve("src/main"))) {
			for (Path file : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				used.addAll(BuildFiles.matches(PLACEHOLDER, BuildFiles.read(file)));
			}
		}
		return used;
	}

}
