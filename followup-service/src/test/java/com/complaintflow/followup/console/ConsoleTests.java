package com.complaintflow.followup.console;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.security.StaffSecurityConfiguration;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console over real HTTP, broker and wire server: form login, the queue, the case
 * page's actions through the case rules (checked on the case API), the live stream naming
 * a newly opened case and a case a colleague worked on through another instance's API (by
 * its {@code case-worked} event on the broker) and starting where the page was rendered,
 * signing out ending the session's streams in every tab, both languages, and the roles.
 */
class ConsoleTests extends FollowupIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	LiveQueue live;

	static final String SCRIPT = "<script>alert(1)</script>";

	@Test
	void signedOutVisitorIsSentToTheLoginAndWrongPasswordsAreRefused() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);

		HttpResponse<String> queue = session.get("/console/queue");
		assertThat(queue.uri().getPath()).isEqualTo("/console/login");
		assertThat(queue.body()).contains("Staff sign-in");

		HttpResponse<String> wrong = session.login("agent", "not-the-password");
		assertThat(wrong.uri().getQuery()).isEqualTo("error");
		assertThat(wrong.body()).contains("Wrong username or password.");
	}

	@Test
	void pagesAllowNoInlineCodeNorFramingAndTheSessionCookieStaysOnThisSite() throws Exception {
		HttpResponse<String> login = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/console/login"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValue(StaffSecurityConfiguration.PAGE_POLICY);
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax", "HttpOnly"));
	}

	@Test
	void behindAGatewayThatEndsTlsTheSessionCookieIsSecureAndRedirectsStayOnHttps() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/console/queue"));

		HttpResponse<String> forwarded = http.send(request.copy().header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> direct = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forwarded.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("https://localhost").endsWith("/console/login"));
		assertThat(forwarded.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
		// a plain request on the host stays http (a Secure cookie would be lost there)
		assertThat(direct.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith("http://localhost"));
		assertThat(direct.headers().allValues("Set-Cookie"))
			.noneSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
	}

	@Test
	void aSignedOutReloadSendsThePageToSignInAndSigningInReturnsToAPageNeverToAFragment() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		HttpResponse<String> reload = session.http()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(session.base() + "/console/queue/rows"))
				.header("HX-Request", "true")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(reload.statusCode()).isEqualTo(401);
		assertThat(reload.headers().firstValue("HX-Redirect")).hasValue("/console/login");
		assertThat(reload.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(reload.body()).contains("\"status\":401");
		assertThat(session.login("agent", "agent-dev").uri().getPath()).isEqualTo("/console/queue");

		ConsoleSession another = new ConsoleSession(this.port);
		assertThat(another.get("/console/oncall").uri().getPath()).isEqualTo("/console/login");
		assertThat(another.login("agent", "agent-dev").uri().getPath()).isEqualTo("/console/oncall");
	}

	@Test
	void agentWorksACaseFromTheQueueToTheCallback() throws Exception {
		String caseId = open(FollowupIntegrationTest.AMONG_THE_FIRST_IN_THE_QUEUE);
		ConsoleSession session = new ConsoleSession(this.port);
		HttpResponse<String> landed = session.login("agent", "agent-dev");
		assertThat(landed.uri().getPath()).isEqualTo("/console/queue");
		assertThat(landed.body()).contains(caseId);

		String page = session.get("/console/cases/" + caseId).body();
		assertThat(page).contains("Case " + caseId).contains("First response").contains("10 GB bonus data");

		page = session.post(path(caseId, "contact"), page, Map.of("note", "called back")).body();
		assertThat(page).contains("Contact recorded.");
		assertThat(status(caseId)).isEqualTo("IN_PROGRESS");

		page = session.post(path(caseId, "offer"), page, Map.of()).body();
		assertThat(api(caseId).get("offeredRemedies").size()).isEqualTo(2);

		page = session.post(path(caseId, "choose"), page, Map.of("option", "1")).body();
		assertThat(api(caseId).get("chosenRemedy").get("kind").asString()).isEqualTo("BILL_CREDIT");

		page = session.post(path(caseId, "resolve"), page, Map.of("resolution", "Line card replaced")).body();
		assertThat(status(caseId)).isEqualTo("RESOLVED");

		page = session.post(path(caseId, "callback"), page, Map.of("satisfaction", "4", "problemResolved", "true"))
			.body();
		assertThat(status(caseId)).isEqualTo("CALLBACK_DONE");
		assertThat(page).contains("Callback recorded.").contains("CALLBACK_DONE");
	}

	@Test
	void casePageShowsTheCustomersWordsAndContactAuditedAndTheWorkspaceActionsWork() throws Exception {
		String caseId = openWithWords("宽带每15分钟掉线一次", "张先生", "13800000000");
		ConsoleSession agent = new ConsoleSession(this.port);
		agent.login("agent", "agent-dev");

		String page = agent.get("/console/cases/" + caseId).body();
		assertThat(page).contains("宽带每15分钟掉线一次").contains("张先生").contains("tel:13800000000").contains("Listen first");
		assertThat(supervisor().get("/api/v1/audit/contact-reads?caseId=" + caseId)
			.json()
			.path("items")
			.valueStream()
			.map((read) -> read.path("endpoint").asString())).contains(CasePage.AUDITED_AS);
		assertThat(agent.get("/console/cases/" + caseId + "/summary").body()).doesNotContain("13800000000");

		page = agent.post(path(caseId, "claim"), page, Map.of()).body();
		assertThat(api(caseId).path("owner").path("agent").asString()).isEqualTo("agent");
		page = agent.post(path(caseId, "tick"), page, Map.of("step", "0", "done", "true")).body();
		assertThat(api(caseId).path("checklist").get(0).path("doneBy").asString()).isEqualTo("agent");
		page = agent.post(path(caseId, "note"), page, Map.of("text", "Call after 18:00")).body();
		assertThat(page).contains("Call after 18:00");
		assertThat(page).contains("<input id=\"transfer-team\" name=\"team\"")
			.contains("<label for=\"transfer-agent\"")
			.doesNotContain("assign-team");
		// a hand-over to nobody is refused, as the API refuses it: the agent stays the
		// owner
		page = agent.post(path(caseId, "transfer"), page, Map.of("reason", "nobody named")).body();
		assertThat(page).contains("Name an agent, a team or both.");
		assertThat(api(caseId).path("owner").path("agent").asString()).isEqualTo("agent");
		page = agent.post(path(caseId, "transfer"), page, Map.of("team", "billing-sh", "reason", "billing question"))
			.body();
		assertThat(api(caseId).path("owner").path("team").asString()).isEqualTo("billing-sh");
		assertThat(agent.get("/console/queue?queue=billing-sh").body()).contains(caseId);
		assertThat(agent.get("/console/queue/rows?queue=network-bj").body()).doesNotContain(caseId);
		assertThat(agent.post(path(caseId, "assign"), page, Map.of("agent", "bob")).statusCode()).isEqualTo(403);

		// a link of another site (a pager, a mail) shows only a link to the case: no
		// customer's words or contact, no audited read in the agent's name
		int reads = supervisor().get("/api/v1/audit/contact-reads?caseId=" + caseId).json().path("items").size();
		String fromOutside = agent.getFromAnotherSite("/console/cases/" + caseId).body();
		assertThat(fromOutside).contains("id=\"open-case\"", "href=\"/console/cases/" + caseId + "\"")
			.doesNotContain("张先生", "13800000000", "宽带每15分钟掉线一次");
		assertThat(supervisor().get("/api/v1/audit/contact-reads?caseId=" + caseId).json().path("items").size())
			.isEqualTo(reads);

		ConsoleSession ops = new ConsoleSession(this.port);
		ops.login("ops", "ops-dev");
		assertThat(ops.get("/console/cases/" + caseId).body()).contains("宽带每15分钟掉线一次")
			.doesNotContain("13800000000")
			.contains("Contact details are shown to agents and supervisors only.");
	}

	@Test
	void formSentTwiceActsOnceAndAnActionTheStateForbidsIsExplained() throws Exception {
		String caseId = open();
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("agent", "agent-dev");
		String page = session.get("/console/cases/" + caseId).body();

		session.post(path(caseId, "progress"), page, Map.of("message", "Engineer on the way"));
		session.post(path(caseId, "progress"), page, Map.of("message", "Engineer on the way"));
		assertThat(api(caseId).get("timeline")
			.valueStream()
			.filter((entry) -> "PROGRESS_UPDATED".equals(entry.get("action").asString()))
			.count()).isEqualTo(1);

		String refused = session.post(path(caseId, "callback"), page, Map.of("satisfaction", "5")).body();
		assertThat(refused).contains("Not done: Cannot callback a case that is OPEN");

		String invalid = session.post(path(caseId, "callback"), page, Map.of("satisfaction", "nine")).body();
		assertThat(invalid).contains("Some fields are not valid; nothing was done.");
	}

	@Test
	void theSupervisorsTeamFiguresCountEveryWorkingCaseNotOnlyTheSoonestListed() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<ComplaintEvent> decisions = new ArrayList<>();
		// as many cases as a page lists, due in ten days (after the other tests' cases,
		// which must stay first in the queue), and three due in a month
		for (int i = 0; i < CaseQueue.SHOWN; i++) {
			decisions.add(TestEvents.triagedFor("soon-" + run, "CMP-soon-" + run + "-" + i, now,
					new Deadlines(now.plus(Duration.ofDays(10)), null, null, null, Duration.ofHours(24))));
		}
		for (int i = 0; i < 3; i++) {
			decisions.add(TestEvents.triagedFor("later-" + run, "CMP-later-" + run + "-" + i, now,
					new Deadlines(now.plus(Duration.ofDays(30)), null, null, null, Duration.ofHours(24))));
		}
		this.publisher.publishAllAndWait(decisions);
		await().atMost(SOON)
			.until(() -> ops().get("/api/v1/cases?limit=500&queue=soon-" + run).json().size() == 300
					&& ops().get("/api/v1/cases?queue=later-" + run).json().size() == 3);
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("supervisor", "supervisor-dev");

		// working, escalated, breached, breach within 1 h
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String rows = session.get("/console/supervisor/rows").body().replaceAll("\\s+", "");
			assertThat(rows).contains(">later-" + run + "</a></th><td>3</td><td>0</td><td>0</td><td>0</td>")
				.contains(">soon-" + run + "</a></th><td>300</td><td>0</td><td>0</td><td>0</td>");
		});
		assertThat(session.get("/console/queue").body()).as("the queue filter offers it too").contains("later-" + run);
	}

	@Test
	void liveStreamNamesACaseAsSoonAsItOpens() throws Exception {
		HttpResponse<InputStream> stream = events("agent", "agent-dev");
		String complaintId = "CMP-" + UUID.randomUUID();
		String caseId = CaseOpening.caseIdFor(complaintId);
		CompletableFuture<Boolean> named = CompletableFuture.supplyAsync(() -> reads(stream.body(), "data:" + caseId));

		// the listener joins its group when the context starts; publish until it hears
		await().atMost(SOON).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.publisher
				.publishAndWait(TestEvents.triaged(complaintId, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
			return named.isDone();
		});
		assertThat(named.get(1, TimeUnit.SECONDS)).isTrue();
		stream.body().close();
	}

	@Test
	void aStreamOpenedAfterItsPageWasRenderedFirstNamesTheCasesOpenedInBetween() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("agent", "agent-dev");
		String since = liveSince(session.get("/console/queue").body());
		String caseId = HeardCases.openUntilHeard(this.live, since, this::open, SOON);

		HttpResponse<InputStream> stream = stream(session, "?since=" + since);
		CompletableFuture<Boolean> named = CompletableFuture.supplyAsync(() -> reads(stream.body(), "data:" + caseId));
		assertThat(named).succeedsWithin(SOON).isEqualTo(true);
		stream.body().close();

		// the browser's own reconnection sends the first message's id back: no replay
		HttpResponse<InputStream> reconnection = session.http()
			.send(HttpRequest.newBuilder(URI.create(session.base() + "/console/events?since=" + since))
				.header("Last-Event-ID", since)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		String marker = "changed-after-the-reconnection-" + UUID.randomUUID();
		CompletableFuture<List<String>> untilMarker = CompletableFuture
			.supplyAsync(() -> linesUntil(reconnection.body(), "data:" + marker));
		this.live.changed(marker);
		assertThat(untilMarker).succeedsWithin(SOON)
			.satisfies((lines) -> assertThat(lines).contains("event:connected").doesNotContain("data:" + caseId));
		assertThat(linesUntil(stream(session, "").body(), "event:connected"))
			.as("the first message carries the id a browser sends back when it reconnects")
			.anySatisfy((line) -> assertThat(line).startsWith("id:" + since.substring(0, since.indexOf('.') + 1)));
		reconnection.body().close();

		HttpResponse<InputStream> unknown = stream(session, "?since=another-instance.7");
		CompletableFuture<Boolean> stale = CompletableFuture.supplyAsync(() -> reads(unknown.body(), "event:stale"));
		assertThat(stale).succeedsWithin(SOON).isEqualTo(true);
		unknown.body().close();
	}

	@Test
	void signingOutInOneTabEndsTheSessionsStreamsInEveryTabAndNoOneElses() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		HttpResponse<String> queue = session.login("agent", "agent-dev");
		HttpResponse<InputStream> otherTab = stream(session, "");
		CompletableFuture<Boolean> otherTabEnded = CompletableFuture.supplyAsync(() -> reads(otherTab.body(), null));
		HttpResponse<InputStream> colleague = events("supervisor", "supervisor-dev");
		String afterwards = "changed-after-the-sign-out-" + UUID.randomUUID();
		CompletableFuture<Boolean> colleagueHears = CompletableFuture
			.supplyAsync(() -> reads(colleague.body(), "data:" + afterwards));

		HttpResponse<String> signedOut = session.post("/console/logout", queue.body(), Map.of());

		assertThat(signedOut.uri().getPath()).isEqualTo("/console/login");
		assertThat(otherTabEnded).succeedsWithin(SOON);
		assertThat(stream(session, "").statusCode()).as("the reconnection is refused").isEqualTo(401);
		this.live.changed(afterwards);
		assertThat(colleagueHears).as("another person's stream goes on").succeedsWithin(SOON).isEqualTo(true);
		colleague.body().close();
	}

	@Test
	void signingOutAfterASecondSignInStillEndsTheFirstTabsStream() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("agent", "agent-dev");
		HttpResponse<InputStream> firstTab = stream(session, "");
		CompletableFuture<Boolean> firstTabEnded = CompletableFuture.supplyAsync(() -> reads(firstTab.body(), null));

		// signing in again in another tab gives the session a new id
		HttpResponse<String> secondTab = session.login("agent", "agent-dev");
		session.post("/console/logout", secondTab.body(), Map.of());

		assertThat(firstTabEnded).succeedsWithin(SOON);
	}

	@Test
	void aColleaguesWorkOnAnotherInstanceReachesTheOpenConsolesThroughTheBrokerWithoutPersonalData() throws Exception {
		String caseId = openWithWords("宽带每15分钟掉线一次", "张先生", "13800000000");
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES);
				ConfigurableApplicationContext other = anotherInstance()) {
			StaffClient colleague = new StaffClient(
					other.getEnvironment().getRequiredProperty("local.server.port", Integer.class), "supervisor",
					"supervisor-dev");
			HttpResponse<InputStream> stream = events("agent", "agent-dev");
			CompletableFuture<Boolean> named = CompletableFuture
				.supplyAsync(() -> reads(stream.body(), "data:" + caseId));

			// the other instance's API pushes nothing to this one's pages: the case id
			// reaches them only as its case-worked event, read back from the broker
			assertThat(colleague.post("/api/v1/cases/" + caseId + "/notes", "note-1", "{\"text\":\"Call after 18:00\"}")
				.code()).isEqualTo(200);
			AtomicInteger ticks = new AtomicInteger();
			await().atMost(SOON).pollInterval(Duration.ofMillis(500)).until(() -> {
				int tick = ticks.getAndIncrement();
				colleague.post("/api/v1/cases/" + caseId + "/checklist/0", "tick-" + tick,
						"{\"done\":" + (tick % 2 == 0) + "}");
				return named.isDone();
			});
			assertThat(named.get(1, TimeUnit.SECONDS)).isTrue();
			stream.body().close();

			List<String> worked = await().atMost(SOON)
				.until(() -> cases.poll()
					.stream()
					.filter((record) -> "case-worked".equals(new String(
							record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8)))
					.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
					.filter((json) -> json.contains(caseId))
					.toList(), (records) -> records.size() >= 2);
			assertThat(worked.get(0)).contains("\"kind\":\"NOTE_ADDED\"").contains("\"staffId\":\"supervisor\"");
			assertThat(worked.get(1)).contains("\"kind\":\"STEP_DONE\"");
			assertThat(worked)
				.allSatisfy((json) -> assertThat(json).doesNotContain("Call after 18:00", "张先生", "13800000000", "宽带"));
		}
	}

	@Test
	void pagesSpeakTheBrowsersLanguageUntilOneIsChosen() throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("supervisor", "supervisor-dev");
		HttpResponse<String> chinese = session.http()
			.send(HttpRequest.newBuilder(URI.create(session.base() + "/console/supervisor"))
				.header("Accept-Language", "zh-CN,zh;q=0.9")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chinese.body()).contains("升级与超时").contains("lang=\"zh\"");

		assertThat(session.get("/console/supervisor?lang=en").body()).contains("Escalations and breaches");
		HttpResponse<String> remembered = session.http()
			.send(HttpRequest.newBuilder(URI.create(session.base() + "/console/oncall"))
				.header("Accept-Language", "zh-CN")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(remembered.body()).contains("On-call: what paged and why");
	}

	@Test
	void rolesDecideWhatEachStaffMemberMayDo() throws Exception {
		String caseId = open();
		ConsoleSession agent = new ConsoleSession(this.port);
		agent.login("agent", "agent-dev");
		assertThat(agent.get("/console/supervisor").statusCode()).isEqualTo(403);

		ConsoleSession ops = new ConsoleSession(this.port);
		ops.login("ops", "ops-dev");
		String page = ops.get("/console/cases/" + caseId).body();
		assertThat(ops.post(path(caseId, "contact"), page, Map.of()).statusCode()).isEqualTo(403);
		assertThat(ops.get("/console/oncall").statusCode()).isEqualTo(200);

		// the API keeps its stateless Basic authentication: a console session is no API
		// login
		assertThat(agent.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(401);
	}

	@Test
	void hostileInputToEveryConsoleEndpointNeverCausesA5xxNorReachesThePageUnescaped() throws Exception {
		String caseId = open();
		ConsoleSession session = new ConsoleSession(this.port);
		session.login("supervisor", "supervisor-dev");
		String page = session.get("/console/cases/" + caseId).body();
		List<String> hostile = List.of("", " ", "-1", "99999999999999999999", "abc", "\u0000", SCRIPT,
				"'; db.cases.drop(); '", "{\"$gt\":\"\"}", "\u202e\ud83d\ude00", "x".repeat(5000), "../../etc/passwd",
				"%2e%2e%2f", "RETAINED\r\nSet-Cookie: x=y");
		List<String> failures = new ArrayList<>();
		for (String value : hostile) {
			String segment = URLEncoder.encode(value, StandardCharsets.UTF_8);
			for (String path : List.of("/console/cases/" + segment, "/console/cases/" + segment + "/summary",
					"/console/cases/" + segment + "/history", "/console/queue?queue=" + segment,
					"/console/queue/rows?queue=" + segment, "/console/supervisor/rows?lang=" + segment,
					"/console/oncall/rows", "/console/queue?lang=" + segment)) {
				check(failures, "GET " + path, session.get(path));
			}
			for (String action : List.of("contact", "progress", "wait-on-customer", "resume", "offer", "choose",
					"resolve", "callback", "close", segment)) {
				Map<String, String> fields = Map.of("key", value, "note", value, "message", value, "option", value,
						"resolution", value, "satisfaction", value, "problemResolved", value, "outcome", value);
				check(failures, "POST " + action, session.post(path(caseId, action), page, fields));
			}
			check(failures, "POST ack", session.post("/console/oncall/" + segment + "/ack", page, Map.of()));
			check(failures, "POST contact to case " + segment,
					session.post("/console/cases/" + segment + "/contact", page, Map.of()));
		}
		assertThat(failures).isEmpty();
	}

	private static void check(List<String> failures, String request, HttpResponse<String> response) {
		if (response.statusCode() >= 500) {
			failures.add(request + " -> " + response.statusCode());
		}
		if (response.body().contains(SCRIPT)) {
			failures.add(request + " -> the page carries the script unescaped");
		}
	}

	/**
	 * A second instance of the service on this test's database and consumer group, as
	 * production runs several.
	 */
	private ConfigurableApplicationContext anotherInstance() {
		Environment here = this.context.getEnvironment();
		return new SpringApplicationBuilder(FollowupApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + here.getProperty("spring.mongodb.uri"),
					"--spring.mongodb.database=" + here.getProperty("spring.mongodb.database"),
					"--complaintflow.kafka.partitions=3", "--complaintflow.followup.timers.instance-id=other");
	}

	/** The console's live stream, as a signed-in page opens it. */
	private HttpResponse<InputStream> events(String user, String password) throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login(user, password);
		HttpResponse<InputStream> stream = stream(session, "");
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		return stream;
	}

	/**
	 * A page's stream in a session, with the page's query ({@code ?since=...}) or none.
	 */
	private static HttpResponse<InputStream> stream(ConsoleSession session, String query) throws Exception {
		return session.http()
			.send(HttpRequest.newBuilder(URI.create(session.base() + "/console/events" + query)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
	}

	/** The live queue's position a rendered page carries to its stream. */
	private static String liveSince(String page) {
		Matcher since = Pattern.compile("data-live-since=\"([^\"]+)\"").matcher(page);
		assertThat(since.find()).as("the page carries its position").isTrue();
		return since.group(1);
	}

	/** The lines of a stream up to the given one (all of them if it ends before). */
	private static List<String> linesUntil(InputStream body, String line) {
		List<String> read = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			for (String next = lines.readLine(); next != null && !next.equals(line); next = lines.readLine()) {
				read.add(next);
			}
		}
		catch (java.io.IOException ex) {
			// the lines read so far
		}
		return read;
	}

	/**
	 * Reads a stream until one of its lines is the given one (true), or to its end
	 * (false; with a null line, true once the server has ended it).
	 */
	private static boolean reads(InputStream body, String line) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String read;
			while ((read = lines.readLine()) != null) {
				if (read.equals(line)) {
					return true;
				}
			}
			return line == null;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	private String status(String caseId) {
		return api(caseId).get("status").asString();
	}

	private tools.jackson.databind.JsonNode api(String caseId) {
		return agent().get("/api/v1/cases/" + caseId).json();
	}

	private static String path(String caseId, String action) {
		return "/console/cases/" + caseId + "/" + action;
	}

}
