package com.complaintflow.followup.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the console over real HTTP, without the browser: a cookie jar,
 * the form login, and forms posted with the CSRF token of the page they came from.
 */
final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern FORM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	ConsoleSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** Signs in through the login form; the page it lands on. */
	HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
		String page = get("/console/login").body();
		return post("/console/login", page, Map.of("username", user, "password", password));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", "en").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A GET as a browser sends it when a link of another site is followed. */
	HttpResponse<String> getFromAnotherSite(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Language", "en")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Sec-Fetch-Mode", "navigate")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form of the given page (its CSRF token and form key) with the fields. */
	HttpResponse<String> post(String path, String page, Map<String, String> fields)
			throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", first(CSRF, page));
		Matcher key = FORM_KEY.matcher(page);
		if (key.find()) {
			form.putIfAbsent("key", key.group(1));
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpClient http() {
		return this.http;
	}

	String base() {
		return this.base;
	}

	private static String first(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " on the page");
		}
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
