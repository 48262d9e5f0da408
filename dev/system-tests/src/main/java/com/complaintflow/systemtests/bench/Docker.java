package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the docker command line in the compose project's folder.
 */
final class Docker {

	private final String executable;

	private final Path project;

	private final List<String> composeFiles;

	/**
	 * @param composeFiles the compose files every {@code docker compose} command reads,
	 * in order (relative to the project)
	 */
	Docker(String executable, Path project, List<String> composeFiles) {
		this.executable = executable;
		this.project = project;
		this.composeFiles = List.copyOf(composeFiles);
	}

	/**
	 * Fails fast, saying what is missing, when the docker command, its compose plugin or
	 * the engine cannot be reached.
	 * @return this
	 */
	Docker require() {
		try {
			run("compose", "version");
			run("version", "--format", "{{.Server.Version}}");
			return this;
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("--compose needs Docker with the compose plugin ('" + this.executable
					+ " compose') and a running engine: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs docker with the arguments and returns its output; fails on a non-zero exit.
	 */
	String run(String... arguments) {
		Process process = start(ProcessBuilder.Redirect.PIPE, arguments);
		// read apart, so that neither stream's pipe fills up and blocks docker
		CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		String output = read(process.getInputStream());
		awaitSuccess(process, 1, arguments, errors.join());
		return output;
	}

	private static String read(InputStream stream) {
		try {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs docker with the arguments, its output on this process's, for long commands.
	 */
	void runShowingOutput(String... arguments) {
		awaitSuccess(start(ProcessBuilder.Redirect.INHERIT, arguments), 30, arguments, "");
	}

	private Process start(ProcessBuilder.Redirect output, String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.executable));
		command.addAll(List.of(arguments));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile());
			builder.environment().put("COMPOSE_FILE", String.join(java.io.File.pathSeparator, this.composeFiles));
			if (output == ProcessBuilder.Redirect.INHERIT) {
				builder.inheritIO();
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("'" + this.executable + "' not found on PATH (" + ex.getMessage() + ")",
					ex);
		}
	}

	private void awaitSuccess(Process process, int minutes, String[] arguments, String errors) {
		try {
			if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"'docker " + String.join(" ", arguments) + "' did not finish in " + minutes + " min");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("'docker " + String.join(" ", arguments) + "' failed (exit "
					+ process.exitValue() + "): " + errors.strip());
		}
	}

}
