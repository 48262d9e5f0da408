package com.complaintflow.systemtests.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools that check the API documents (Spectral, the AsyncAPI parser), pinned by
 * {@code dev/system-tests/api-tools/package-lock.json} and installed with {@code npm ci}
 * into {@code target/api-tools} once per build directory (npm's own cache makes a
 * reinstall quick).
 */
final class ApiTools {

	private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	/** The repository root. */
	static final Path ROOT = MODULE.resolve("../..").normalize();

	private static final Path SOURCE = MODULE.resolve("api-tools");

	private static final Path INSTALLED = MODULE.resolve("target/api-tools");

	private ApiTools() {
	}

	/** Whether npm is on the path (CI installs it; the checks are skipped without it). */
	static boolean available() {
		try {
			return run(MODULE, List.of("npm", "--version")).exitCode() == 0;
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	/** A directory where the pinned tools are installed. */
	static synchronized Path installed() {
		try {
			Path lock = SOURCE.resolve("package-lock.json");
			Path installedLock = INSTALLED.resolve("node_modules/.package-lock.json");
			if (Files.exists(installedLock)
					&& Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) > 0) {
				return INSTALLED;
			}
			Files.createDirectories(INSTALLED);
			for (String file : List.of("package.json", "package-lock.json", "validate-asyncapi.mjs")) {
				Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
			}
			Result install = run(INSTALLED,
					List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"));
			if (install.exitCode() != 0) {
				throw new IllegalStateException("npm ci failed:\n" + install.output());
			}
			return INSTALLED;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs an installed tool from {@code node_modules/.bin}. */
	static Result tool(String name, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(installed().resolve("node_modules/.bin").resolve(name).toString());
		command.addAll(arguments);
		return run(ROOT, command);
	}

	/** Runs a Node script from the tools directory. */
	static Result node(String script, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("node", installed().resolve(script).toString()));
		command.addAll(arguments);
		return run(ROOT, command);
	}

	private static Result run(Path directory, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command);
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A finished command.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed (standard output and error)
	 */
	record Result(int exitCode, String output) {

	}

}
