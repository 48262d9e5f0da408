package com.complaintflow.analytics.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives a real headless Chromium (Debian's {@code chromium}) from a test: dumps the DOM
 * after load and takes screenshots.
 */
final class Chromium {

	private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");

	private final Path executable;

	private final Path profile;

	private Chromium(Path executable) throws IOException {
		this.executable = executable;
		this.profile = Files.createTempDirectory("chromium-profile");
	}

	/** The installed browser, or empty when none is on the PATH. */
	static Optional<Chromium> find() throws IOException {
		String path = System.getenv().getOrDefault("PATH", "/usr/bin");
		for (String name : CANDIDATES) {
			Optional<Path> found = Stream.of(path.split(java.io.File.pathSeparator))
				.map((dir) -> Path.of(dir, name))
				.filter(Files::isExecutable)
				.findFirst();
			if (found.isPresent()) {
				return Optional.of(new Chromium(found.get()));
			}
		}
		return Optional.empty();
	}

	/** Loads the page and returns the DOM as rendered. */
	String dumpDom(String url) throws IOException, InterruptedException {
		return run(List.of("--dump-dom", url));
	}

	/** Loads the page and saves a PNG screenshot. */
	void screenshot(String url, Path png) throws IOException, InterruptedException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1500", "--hide-scrollbars", url));
	}

	private String run(List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage",
				"--user-data-dir=" + this.profile));
		command.addAll(arguments);
		Path output = Files.createTempFile("chromium", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("chromium did not finish within 90 s");
		}
		return Files.readString(output, StandardCharsets.UTF_8);
	}

}
