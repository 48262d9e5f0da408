package com.complaintflow.browser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness against pages served over real HTTP: the browser runs scripts, axe-core
 * passes an accessible page and fails one with known defects, no host but localhost is
 * reachable, screenshots are PNGs and script errors are caught.
 */
@BrowserTest
class HarnessTests {

	private static final Map<String, String> PAGES = Map.of("/good",
			"""
					<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
					<body><header><h1>Good page</h1></header><main>
					<svg role="img" aria-label="Three bars" width="90" height="30"><rect width="30" height="30"/></svg>
					<p id="out">waiting</p></main>
					<script>fetch('/data').then((r) => r.text()).then((t) => { document.getElementById('out').textContent = t; });</script>
					</body></html>""",
			"/data", "42 complaints", "/bad",
			"""
					<!DOCTYPE html><html><head><meta http-equiv="refresh" content="30"><title>Bad</title></head>
					<body><svg role="img" width="90" height="30"><rect width="30" height="30"/></svg><img src="/x.png"></body></html>""",
			"/broken", """
					<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
					<body><main><h1>Broken</h1></main><script>undefinedFunction();</script></body></html>""");

	static HttpServer server;

	static String base;

	@BeforeAll
	static void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress(0), 0);
		PAGES.forEach((path, body) -> server.createContext(path, (exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.add("Content-Type", path.equals("/data") ? "text/plain" : "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}));
		server.start();
		base = "http://localhost:" + server.getAddress().getPort();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void anAccessiblePageRunsItsScriptAndPassesAxe(Page page) {
		PageErrors errors = PageErrors.watch(page);

		page.navigate(base + "/good");

		assertThat(page.locator("#out").textContent()).isIn("waiting", "42 complaints");
		page.waitForCondition(() -> "42 complaints".equals(page.locator("#out").textContent()));
		assertThat(Accessibility.assertNoSeriousViolations(page).getPasses()).isNotEmpty();
		errors.assertNone();
	}

	@Test
	void axeFailsAPageWithAMetaRefreshAndUnnamedImages(Page page) {
		page.navigate(base + "/bad");

		assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(page)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("meta-refresh (critical)")
			.hasMessageContaining("svg-img-alt (serious)")
			.hasMessageContaining("image-alt (critical)");
	}

	@Test
	void noHostButLocalhostResolvesSoAPageCannotLoadFromTheInternet(Page page) throws IOException {
		String ownName = InetAddress.getLocalHost().getHostName();
		assertThat(ownName).isNotEqualTo("localhost");

		// The same server under the machine's own name (it resolves to a local address
		// outside the browser) is unreachable; a navigation right after a failed one
		// would race Chromium's error page, so the reachable one comes first.
		assertThat(page.navigate(base + "/good").ok()).isTrue();
		assertThatExceptionOfType(PlaywrightException.class)
			.isThrownBy(() -> page.navigate("http://" + ownName + ":" + server.getAddress().getPort() + "/good"))
			.withMessageContaining("ERR_NAME_NOT_RESOLVED");
	}

	@Test
	void aScriptErrorIsCaught(Page page) {
		PageErrors errors = PageErrors.watch(page);

		page.navigate(base + "/broken");

		page.waitForCondition(() -> !errors.errors().isEmpty());
		assertThat(errors.errors()).anyMatch((error) -> error.contains("undefinedFunction"));
		assertThatThrownBy(errors::assertNone).isInstanceOf(AssertionError.class);
	}

	@Test
	void aScreenshotIsAFullPagePng(Page page) throws IOException {
		page.navigate(base + "/good");

		Path png = Screenshots.save(page, "harness-good");

		byte[] bytes = Files.readAllBytes(png);
		assertThat(png).startsWith(Path.of("target").toAbsolutePath());
		assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
	}

}
