package com.complaintflow.followup.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.complaintflow.events.Language;
import com.complaintflow.followup.cases.CaseActions.Actor;
import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffDelegation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * The console's calls to triage: the review list a supervisor checks
 * ({@code GET /api/v1/triage/review}) with the count of labels the models in force have
 * not learned from ({@code GET /api/v1/triage/corrections/untrained}), and a staff
 * member's correction or confirmation of a triage decision from the case page or the
 * review page, sent to triage's API ({@code POST
 * /api/v1/triage/decisions/{id}/corrections} or {@code /confirmations}) with the console
 * account, naming the staff member in the {@link StaffDelegation} headers. No idempotency
 * key is sent: triage takes the same staff member's same correction as its retry, so
 * sending a form again, from any page, records it once.
 */
@Component
class TriageCorrections {

	/** What became of a correction sent. */
	enum Outcome {

		/** Triage stored it (or had it already); for the review list, triage answered. */
		RECORDED,

		/** Triage decided that value already, with no correction in force. */
		NOTHING_TO_CORRECT,

		/** Triage has no decision for the complaint. */
		NO_DECISION,

		/** Triage refused the console's request: its account or the request is wrong. */
		REFUSED,

		/** Triage did not answer, or failed: sending again is safe. */
		UNAVAILABLE

	}

	/** The console's requests to triage, as counted. */
	private static final List<String> REQUESTS = List.of("correction", "confirmation", "review", "untrained");

	/** How many decisions the review page shows. */
	static final int REVIEW_LIMIT = 20;

	private static final ParameterizedTypeReference<List<DecisionToCheck>> DECISIONS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<LanguageLabels>> LABELS = new ParameterizedTypeReference<>() {
	};

	private static final Logger logger = LoggerFactory.getLogger(TriageCorrections.class);

	private final TriageLinkSettings settings;

	private final RestClient triage;

	private final Map<String, Counter> counters = new HashMap<>();

	TriageCorrections(TriageLinkSettings settings, MeterRegistry registry, ObservationRegistry observations) {
		this.settings = settings;
		// every request and outcome from start-up at 0, so the first refusal is an
		// increase
		for (String request : REQUESTS) {
			for (Outcome outcome : Outcome.values()) {
				this.counters.put(request + outcome,
						Counter.builder("followup.console.triage.requests")
							.description("The console's requests to triage (staff corrections, confirmations, "
									+ "supervisors' review lists and their count of labels not learned from), by what "
									+ "came of them")
							.tag("request", request)
							.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
							.register(registry));
			}
		}
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
		requests.setReadTimeout(settings.timeout());
		// observed: each request is a client span of the staff member's page request, and
		// carries its trace to triage (W3C traceparent)
		this.triage = RestClient.builder()
			.baseUrl(settings.url().toString())
			.requestFactory(requests)
			.observationRegistry(observations)
			.defaultHeader(HttpHeaders.AUTHORIZATION, basic(settings))
			.build();
	}

	/** Whether the console is set up to send corrections. */
	boolean enabled() {
		return this.settings.enabled();
	}

	/**
	 * Sends the staff member's correction of the complaint's field to the value, or with
	 * a null value their confirmation of the value triage decided.
	 */
	Outcome send(String complaintId, String field, String value, Actor staff) {
		String request = (value != null) ? "correction" : "confirmation";
		return counted(request, post(request, complaintId, field, value, staff));
	}

	private Outcome post(String request, String complaintId, String field, String value, Actor staff) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("field", field);
		if (value != null) {
			body.put("value", value);
		}
		try {
			return this.triage.post()
				.uri("/api/v1/triage/decisions/{id}/{kind}s", complaintId, request)
				.contentType(MediaType.APPLICATION_JSON)
				.header(StaffDelegation.LOGIN_HEADER, staff.staffId())
				.header(StaffDelegation.ROLE_HEADER, staff.supervisor() ? Roles.SUPERVISOR : Roles.AGENT)
				.body(body)
				.exchange((sent, response) -> outcome(response.getStatusCode().value(), field + " " + request));
		}
		catch (RestClientException ex) {
			logger.warn("Triage did not take a {} {}: {}", field, request,
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return Outcome.UNAVAILABLE;
		}
	}

	/**
	 * The decisions received in [from, to) triage was least sure of on the field (in the
	 * language, or any), least sure first, not checked yet: triage's review list, asked
	 * for the supervisor.
	 */
	Review toCheck(String field, Language language, Instant from, Instant to, Actor supervisor) {
		Answer<List<DecisionToCheck>> answer = askFor(supervisor, "review", "review list of " + field,
				(uri) -> uri.path("/api/v1/triage/review")
					.queryParam("field", field)
					.queryParamIfPresent("language", Optional.ofNullable(language))
					.queryParam("from", from)
					.queryParam("to", to)
					.queryParam("limit", REVIEW_LIMIT)
					.build(),
				DECISIONS);
		return new Review(answer.outcome(), answer.bodyOr(List.of()));
	}

	/**
	 * The labels staff gave that triage's models in force have not learned from, per
	 * language, asked for the supervisor; null when triage does not answer with them (the
	 * review page then leaves the line out).
	 */
	Untrained untrained(Actor supervisor) {
		Answer<List<LanguageLabels>> answer = askFor(supervisor, "untrained", "count of labels not learned from",
				(uri) -> uri.path("/api/v1/triage/corrections/untrained").build(), LABELS);
		return (answer.outcome() == Outcome.RECORDED) ? Untrained.of(answer.bodyOr(List.of())) : null;
	}

	/**
	 * Asks triage for what a supervisor reads (a GET answered with JSON), in the
	 * supervisor's name, and counts the outcome under the request; {@code what} names the
	 * request in the logs.
	 */
	private <T> Answer<T> askFor(Actor supervisor, String request, String what, Function<UriBuilder, URI> uri,
			ParameterizedTypeReference<T> type) {
		Answer<T> answer;
		try {
			answer = this.triage.get()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.header(StaffDelegation.LOGIN_HEADER, supervisor.staffId())
				.header(StaffDelegation.ROLE_HEADER, Roles.SUPERVISOR)
				.exchange((sent, response) -> {
					int status = response.getStatusCode().value();
					return (status == 200) ? new Answer<>(Outcome.RECORDED, response.bodyTo(type))
							: new Answer<>(outcome(status, what), null);
				});
		}
		catch (RestClientException ex) {
			logger.warn("Triage did not answer the {}: {}", what,
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			answer = new Answer<>(Outcome.UNAVAILABLE, null);
		}
		counted(request, answer.outcome());
		return answer;
	}

	/** Counts the request's outcome, and answers it. */
	private Outcome counted(String request, Outcome outcome) {
		this.counters.get(request + outcome).increment();
		return outcome;
	}

	/** What triage's answer to the console's request (named in the logs) comes to. */
	private static Outcome outcome(int status, String request) {
		return switch (status) {
			case 200, 201 -> Outcome.RECORDED;
			case 422 -> Outcome.NOTHING_TO_CORRECT;
			case 404 -> Outcome.NO_DECISION;
			case 400, 401, 403 -> {
				logger.warn(
						"Triage refused the console's {} with {}: check the console account "
								+ "(complaintflow.followup.console.triage) and its CONSOLE role in triage",
						request, status);
				yield Outcome.REFUSED;
			}
			default -> {
				logger.warn("Triage answered the console's {} with {}", request, status);
				yield Outcome.UNAVAILABLE;
			}
		};
	}

	/**
	 * Triage's answer to a supervisor's read: {@link Outcome#RECORDED} with what it read,
	 * or why there is nothing.
	 *
	 * @param outcome RECORDED when triage answered
	 * @param body what triage answered with; null otherwise
	 * @param <T> what was read
	 */
	private record Answer<T>(Outcome outcome, T body) {

		T bodyOr(T none) {
			return (this.body != null) ? this.body : none;
		}

	}

	/**
	 * Triage's review list as read: {@link Outcome#RECORDED} with the decisions, or why
	 * there are none.
	 *
	 * @param outcome RECORDED when triage answered with the list
	 * @param decisions the decisions to check, least sure first
	 */
	record Review(Outcome outcome, List<DecisionToCheck> decisions) {

		/** Whether triage answered with the list. */
		public boolean answered() {
			return this.outcome == Outcome.RECORDED;
		}

	}

	/**
	 * One language's count in triage's answer; a language the console does not know is
	 * read and left out.
	 *
	 * @param language the language ({@code zh}, {@code en})
	 * @param labels the labels not learned from
	 */
	record LanguageLabels(String language, long labels) {

	}

	/**
	 * The labels staff gave that triage's models in force have not learned from.
	 *
	 * @param zh in Chinese
	 * @param en in English
	 */
	record Untrained(long zh, long en) {

		static Untrained of(List<LanguageLabels> counts) {
			long zh = 0;
			long en = 0;
			for (LanguageLabels count : (counts != null) ? counts : List.<LanguageLabels>of()) {
				if (Language.ZH.name().equalsIgnoreCase(count.language())) {
					zh = count.labels();
				}
				else if (Language.EN.name().equalsIgnoreCase(count.language())) {
					en = count.labels();
				}
			}
			return new Untrained(zh, en);
		}

	}

	private static String basic(TriageLinkSettings settings) {
		String credentials = settings.username() + ":" + ((settings.password() != null) ? settings.password() : "");
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

}
