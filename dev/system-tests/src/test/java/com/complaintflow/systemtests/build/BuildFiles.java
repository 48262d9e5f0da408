package com.complaintflow.systemtests.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's build files as the checks read them: the reactor's modules from the
 * root {@code pom.xml}, which of them are services (an executable {@code exec} jar), and
 * the {@code Dockerfile}, {@code .dockerignore} and {@code docker-compose.yml}.
 */
final class BuildFiles {

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private final Path root;

	private BuildFiles(Path root) {
		this.root = root;
	}

	/**
	 * The repository root: the first folder upwards whose {@code pom.xml} lists modules.
	 */
	static BuildFiles ofRepository() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path pom = dir.resolve("pom.xml");
			if (Files.exists(pom) && read(pom).contains("<modules>")) {
				return new BuildFiles(dir);
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No reactor pom.xml above " + Path.of("").toAbsolutePath());
	}

	/** The reactor's module folders, as the root pom lists them. */
	Set<String> modules() {
		return matches(MODULE, read(this.root.resolve("pom.xml")));
	}

	/**
	 * The modules that build a service: they declare the spring-boot-maven-plugin, which
	 * the root pom configures to write an executable jar with the {@code exec}
	 * classifier.
	 */
	Set<String> serviceModules() {
		Set<String> services = new LinkedHashSet<>();
		boolean executable = read(this.root.resolve("pom.xml")).contains("<classifier>exec</classifier>");
		for (String module : modules()) {
			if (executable && read(this.root.resolve(module).resolve("pom.xml"))
				.contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
				services.add(module);
			}
		}
		return services;
	}

	String dockerfile() {
		return read(this.root.resolve("Dockerfile"));
	}

	List<String> dockerignore() {
		return read(this.root.resolve(".dockerignore")).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	String compose() {
		return read(this.root.resolve("docker-compose.yml"));
	}

	Path root() {
		return this.root;
	}

	static Set<String> matches(Pattern pattern, String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).strip());
		}
		return found;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
