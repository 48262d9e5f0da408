package com.complaintflow.systemtests.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text file of the repository keeps the markers of an unresolved merge (a merge once
 * left both sides of a table in a service's documentation).
 */
class MergeMarkersTests {

	private static final Pattern MARKER = Pattern.compile("(?m)^(<{7}|>{7}) ");

	private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".mvn");

	private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "md", "yml", "yaml", "xml", "json", "html", "js",
			"css", "sh", "properties", "txt", "tsv", "csv", "sql");

	private final Path root = BuildFiles.ofRepository().root();

	@Test
	void noFileKeepsTheMarkersOfAnUnresolvedMerge() throws IOException {
		List<String> marked;
		try (Stream<Path> files = Files.walk(this.root)) {
			marked = files.filter(Files::isRegularFile)
				.filter((file) -> isText(this.root.relativize(file)))
				.filter((file) -> MARKER.matcher(read(file)).find())
				.map((file) -> this.root.relativize(file).toString())
				.toList();
		}
		assertThat(marked).as("files with merge conflict markers").isEmpty();
	}

	private static boolean isText(Path relative) {
		for (Path part : relative) {
			if (SKIPPED_FOLDERS.contains(part.toString())) {
				return false;
			}
		}
		String name = relative.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1));
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
