package com.complaintflow.systemtests.hostile;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;

import static org.awaitility.Awaitility.await;

/**
 * The hostile-input suite's part for followup's console, which staff reach through a form
 * login with a session and CSRF-protected forms (HTTP Basic, which {@link HostileInput}
 * sends, only ever meets its sign-in redirect). Signed in as a supervisor, it sends every
 * console endpoint (discovered from the running context, like {@link Endpoint}) and every
 * form the console's pages carry hostile path variables, query parameters and form fields
 * (every field name found on the pages), and forms without or with a forged CSRF token,
 * without the session, with the wrong method, content type or encoding, and too large;
 * the live stream is opened with hostile parameters. Passes when no answer is a 5xx, none
 * carries a stack trace or an unescaped script, and every 4xx is an RFC 9457 problem
 * detail: what a person types into a console form is answered by drawing the page again
 * with a status line (a redirect), a 4xx only for what no console page sends.
 */
public final class HostileConsole {

	static final String SCRIPT = "<script>alert(1)</script>";

	private static final List<String> VALUES = List.of("", " ", "-1", "99999999999999999999", "1e309", "abc", "\u0000",
			SCRIPT, "'; db.cases.drop(); '", "{\"$gt\":\"\"}", "\u202e\ud83d\ude00", "x".repeat(5000),
			"../../etc/passwd", "%2e%2e%2f", "RETAINED\r\nSet-Cookie: x=y", "CLOSED", "true", "0");

	private static final List<String> GARBAGE_IDS = List.of("../../etc/passwd", "%00", "%2e%2e%2f", "{$ne:1}",
			"x".repeat(3000), "🙂💥", "' OR 1=1 --", "$where", "a.b.c", "%20", "<script>");

	private static final List<String> QUERIES = List.of("?queue=" + enc(SCRIPT) + "&mine=maybe",
			"?lang=" + enc("zh\r\nSet-Cookie: x=y") + "&mine=true", "?queue=%00&lang=xx-YY-ZZ",
			"?queue=" + "q".repeat(4000), "?mine=1e309&queue[$ne]=1");

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

	private static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final RunningServices services;

	private final Tally tally = new Tally();

	public HostileConsole(RunningServices services) {
		this.services = services;
	}

	/**
	 * Signs in and sends the requests from 8 threads.
	 * @return this suite, for its results
	 * @throws Exception when signing in or a request cannot be made at all
	 */
	public HostileConsole attack() throws Exception {
		String base = this.services.url(Service.FOLLOWUP);
		String complaintId = new ComplaintSeed(this.services.url(Service.INTAKE)).create();
		String caseId = CaseOpening.caseIdFor(complaintId);
		Session session = Session.signIn(base, "supervisor", "supervisor-dev");
		String casePage = await().atMost(Duration.ofSeconds(120))
			.until(() -> session.page("/console/cases/" + caseId), (page) -> page != null);
		String pages = casePage + session.page("/console/oncall") + session.page("/console/queue");
		Set<String> forms = matches(FORM_ACTION, pages).stream()
			.filter((action) -> action.startsWith("/console/") && !action.equals("/console/logout"))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> fields = matches(FIELD, pages).stream()
			.filter((name) -> !name.equals("_csrf"))
			.collect(Collectors.toCollection(TreeSet::new));
		String token = matches(CSRF, casePage).get(0);

		List<Probe> probes = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.discover(this.services)) {
			if (endpoint.service() == Service.FOLLOWUP && endpoint.path().startsWith("/console")) {
				probes.addAll(endpointProbes(endpoint, caseId, token));
			}
		}
		for (String form : forms) {
			probes.addAll(formProbes(form, fields, token));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> answers = new ArrayList<>();
		for (Probe probe : probes) {
			answers.add(pool.submit(() -> send(probe, session)));
		}
		for (Future<?> answer : answers) {
			answer.get();
		}
		pool.shutdown();
		System.out.printf("Console: %d forms with %d fields, %d requests%n", forms.size(), fields.size(),
				probes.size());
		return this;
	}

	/** Hostile paths and queries, wrong methods and no session for one endpoint. */
	private static List<Probe> endpointProbes(Endpoint endpoint, String caseId, String token) {
		List<Probe> probes = new ArrayList<>();
		String path = endpoint.path().replace("{caseId}", caseId);
		String form = "_csrf=" + enc(token) + "&key=k1&note=x";
		if (endpoint.path().contains("{")) {
			for (String garbage : GARBAGE_IDS) {
				probes.add(Probe.of(endpoint.method(), endpoint.path(enc(garbage)), endpoint.hasBody() ? form : null));
			}
		}
		if (!endpoint.hasBody()) {
			QUERIES.forEach((query) -> probes.add(Probe.of("GET", path.replaceAll("\\{[^}]+}", "x") + query, null)));
		}
		for (String method : List.of("PUT", "DELETE", "PATCH", endpoint.hasBody() ? "GET" : "POST")) {
			probes.add(Probe.of(method, path.replaceAll("\\{[^}]+}", "x"), form));
		}
		probes.add(Probe.of(endpoint.method(), path.replaceAll("\\{[^}]+}", "x"), null).withoutSession());
		return probes;
	}

	/** Every field set to each hostile value, and forms the console never sends. */
	private static List<Probe> formProbes(String action, Set<String> fields, String token) {
		List<Probe> probes = new ArrayList<>();
		for (String value : VALUES) {
			Map<String, String> body = new LinkedHashMap<>();
			fields.forEach((field) -> body.put(field, value));
			body.put("_csrf", token);
			probes.add(Probe.of("POST", action, form(body)));
		}
		probes.add(Probe.of("POST", action, "key=k2&note=x"));
		probes.add(Probe.of("POST", action, "_csrf=forged-token&key=k3"));
		probes.add(Probe.of("POST", action, "_csrf=" + enc(token) + "&key=k4").withoutSession());
		probes.add(Probe.of("POST", action, "_csrf=" + enc(token) + "&key=" + "k".repeat(300_000)));
		probes.add(Probe.of("POST", action, "_csrf=" + enc(token) + "&key=%C3%28%FF&note=%ED%A0%80&step=%"));
		probes.add(new Probe("POST", action, "application/json",
				("{\"_csrf\":\"" + token + "\",\"key\":{\"$gt\":\"\"}}").getBytes(StandardCharsets.UTF_8), false));
		probes.add(new Probe("POST", action, "multipart/form-data; boundary=x",
				"--x--".getBytes(StandardCharsets.UTF_8), false));
		return probes;
	}

	private void send(Probe probe, Session session) {
		this.tally.sent();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept-Language", "en");
		if (!probe.signedOut()) {
			headers.put("Cookie", session.cookie());
		}
		if (probe.body() != null) {
			headers.put("Content-Type", probe.contentType());
		}
		String where = probe.method() + " " + abbreviate(probe.path(), 120);
		try {
			RawHttp.Answer answer = RawHttp.send(this.services.port(Service.FOLLOWUP), probe.method(), probe.path(),
					headers, probe.body());
			this.tally.answered(answer.status());
			String problem = HostileInput.problemWith(answer);
			if (problem != null) {
				this.tally.fail(where + " -> " + answer.status() + ": " + problem);
			}
			else if (answer.body().contains(SCRIPT)) {
				this.tally.fail(where + " -> " + answer.status() + ": the answer carries the script unescaped");
			}
		}
		catch (IOException | RuntimeException ex) {
			this.tally.fail(where + ": no answer (" + ex + ")");
		}
	}

	public long sent() {
		return this.tally.requests();
	}

	public List<String> failures() {
		return this.tally.failures();
	}

	/** The counts by status and the first failures. */
	public String report() {
		return this.tally.report("Console");
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).replace("&amp;", "&"));
		}
		return found;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> enc(field.getKey()) + "=" + enc(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) + "..." : text;
	}

	/**
	 * One request.
	 *
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param contentType the body's content type
	 * @param body the body, or null
	 * @param signedOut whether to send it without the session
	 */
	private record Probe(String method, String path, String contentType, byte[] body, boolean signedOut) {

		static Probe of(String method, String path, String form) {
			return new Probe(method, path, "application/x-www-form-urlencoded",
					(form != null) ? form.getBytes(StandardCharsets.UTF_8) : null, false);
		}

		Probe withoutSession() {
			return new Probe(this.method, this.path, this.contentType, this.body, true);
		}

	}

	/** A signed-in console session: its cookie, and pages read with it. */
	private record Session(String base, HttpClient http, CookieManager cookies) {

		static Session signIn(String base, String user, String password) throws IOException, InterruptedException {
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			Session session = new Session(base, http, cookies);
			String login = session.page("/console/login");
			String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf="
					+ enc(matches(CSRF, login).get(0));
			HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (!landed.uri().getPath().equals("/console/queue")) {
				throw new IllegalStateException("Console sign-in failed: landed on " + landed.uri());
			}
			return session;
		}

		/** A page's HTML, or null when it is not there (yet). */
		String page(String path) throws IOException, InterruptedException {
			HttpResponse<String> page = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString());
			return (page.statusCode() == 200) ? page.body() : null;
		}

		String cookie() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
				.map(HttpCookie::toString)
				.findFirst()
				.orElseThrow();
		}

	}

}
