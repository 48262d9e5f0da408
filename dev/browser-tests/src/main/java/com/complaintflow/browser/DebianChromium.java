package com.complaintflow.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.junit.Options;
import com.microsoft.playwright.junit.OptionsFactory;

/**
 * Playwright's options for every browser test: the installed Chromium ({@code CHROMIUM},
 * else {@code chromium} on the PATH), headless, never a downloaded browser, and no host
 * but {@code localhost} resolvable, so a page that needs the internet (a CDN) fails its
 * test. Pages open in English, UTC, 1280 x 900; with {@code -Dplaywright.trace=true} a
 * failed test keeps its Playwright trace under {@code target/playwright}.
 */
public class DebianChromium implements OptionsFactory {

	/** Chromium's switches: no sandbox (root in CI), no GPU, nothing that calls home. */
	public static final List<String> ARGUMENTS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");

	/**
	 * The system property that records a Playwright trace of each test and keeps it when
	 * the test fails (recording costs CPU, so it is off by default).
	 */
	public static final String TRACE = "playwright.trace";

	private static final List<String> NAMES = List.of("chromium", "chromium-browser");

	@Override
	public Options getOptions() {
		return new Options().setBrowserName("chromium")
			.setHeadless(true)
			.setPlaywrightCreateOptions(
					new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
			.setLaunchOptions(new BrowserType.LaunchOptions()
				.setExecutablePath(executable().orElseThrow(() -> new IllegalStateException("No Chromium installed")))
				.setArgs(ARGUMENTS))
			.setContextOptions(contextOptions())
			.setOutputDir(Path.of("target", "playwright"))
			.setTrace(Boolean.getBoolean(TRACE) ? Options.Trace.RETAIN_ON_FAILURE : Options.Trace.OFF);
	}

	/**
	 * The options of the injected context, for a test that opens another one (say in
	 * another language or with other credentials) from the injected {@code Browser}.
	 * @return English, UTC, 1280 x 900
	 */
	public static Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setLocale("en-US").setTimezoneId("UTC").setViewportSize(1280, 900);
	}

	/**
	 * The Chromium executable.
	 * @return {@code CHROMIUM} if set, else the first {@code chromium} on the PATH
	 */
	static Optional<Path> executable() {
		String configured = System.getenv("CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		String path = System.getenv().getOrDefault("PATH", "/usr/bin");
		return NAMES.stream()
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
