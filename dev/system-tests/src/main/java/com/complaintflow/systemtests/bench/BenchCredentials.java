package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The credentials the benchmark uses: channel keys to post complaints, the ops account to
 * read analytics' summary, the prometheus account to scrape the services. Never printed.
 *
 * @param channelKeys the X-Api-Key values complaints are sent with, in turn
 * @param opsPassword the password of the {@code ops} staff account
 * @param scrapePassword the password of the {@code prometheus} account
 */
record BenchCredentials(List<String> channelKeys, String opsPassword, String scrapePassword) {

	/** Names of the variables, in the environment or the file BENCH_CREDENTIALS names. */
	static final List<String> CHANNEL_VARIABLES = List.of("BENCH_HOTLINE_KEY", "BENCH_STORE_KEY", "BENCH_APP_KEY");

	static final String OPS_VARIABLE = "BENCH_OPS_PASSWORD";

	/** The scrape password as ops/make-env.sh writes it into .env. */
	static final String SCRAPE_VARIABLE = "PROMETHEUS_SCRAPE_PASSWORD";

	static final String FILE_VARIABLE = "BENCH_CREDENTIALS";

	/** The public development credentials of the 'local' profile (the embedded stack). */
	static BenchCredentials local() {
		return new BenchCredentials(List.of("hotline-dev-key", "store-dev-key", "app-dev-key"), "ops-dev",
				"prometheus-dev");
	}

	/**
	 * The credentials of a compose stack: the plain channel keys and ops password that
	 * ops/make-env.sh printed once, from the environment or from the KEY=VALUE file that
	 * BENCH_CREDENTIALS names (the environment wins); the scrape password from .env.
	 * @param environment the process environment
	 * @param dotEnv the compose project's .env
	 * @return the credentials
	 * @throws IllegalStateException naming what is missing (never a value)
	 */
	static BenchCredentials fromCompose(Map<String, String> environment, Path dotEnv) {
		Map<String, String> values = new HashMap<>(readKeyValues(dotEnv));
		String file = environment.get(FILE_VARIABLE);
		if (file != null && !file.isBlank()) {
			values.putAll(readKeyValues(Path.of(file)));
		}
		values.putAll(environment);
		List<String> keys = new ArrayList<>();
		for (String variable : CHANNEL_VARIABLES) {
			String key = values.get(variable);
			if (key != null && !key.isBlank()) {
				keys.add(key);
			}
		}
		List<String> missing = new ArrayList<>();
		if (keys.isEmpty()) {
			missing.add("a channel key (" + String.join(", ", CHANNEL_VARIABLES) + ")");
		}
		String ops = values.get(OPS_VARIABLE);
		if (ops == null || ops.isBlank()) {
			missing.add(OPS_VARIABLE);
		}
		String scrape = values.get(SCRAPE_VARIABLE);
		if (scrape == null || scrape.isBlank()) {
			missing.add(SCRAPE_VARIABLE + " (in " + dotEnv + ")");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("--compose needs the credentials ops/make-env.sh printed: missing "
					+ String.join("; ", missing) + ". Set them in the environment or in a file named by "
					+ FILE_VARIABLE + " (KEY=VALUE lines); see docs/BENCHMARKS.md.");
		}
		return new BenchCredentials(List.copyOf(keys), ops, scrape);
	}

	/**
	 * KEY=VALUE lines as in .env (# comments; values unquoted), read as a properties
	 * file.
	 */
	static Map<String, String> readKeyValues(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, String> values = new HashMap<>();
		properties.stringPropertyNames().forEach((name) -> values.put(name, properties.getProperty(name).strip()));
		return values;
	}

	@Override
	public String toString() {
		return "BenchCredentials[" + this.channelKeys.size() + " channel keys, passwords hidden]";
	}

}
