package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.util.List;

import com.complaintflow.events.Outcome;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.policy.RemedyPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff actions on one case. Every action is idempotent: under the
 * {@code Idempotency-Key} header when one is sent; without it, a request identical
 * (action and body) to the case's most recent action is taken as its retry.
 */
@Tag(name = "case actions", description = "Staff actions on one case, each idempotent")
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
class CaseActionController {

	private static final String KEY_HEADER = "Idempotency-Key";

	private final CaseActions actions;

	private final CaseViews views;

	CaseActionController(CaseActions actions, CaseViews views) {
		this.actions = actions;
		this.views = views;
	}

	@Operation(summary = "Record a contact with the customer",
			description = "Starts the first-contact milestone's completion; an optional note. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/contact")
	CaseView contact(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody(required = false) @Valid Note body, Authentication auth) {
		Note note = (body != null) ? body : new Note(null);
		return view(this.actions.contact(caseId, actor(auth), key(key, "contact", note), note.note()), auth,
				"/contact");
	}

	@Operation(summary = "Tell the customer about progress",
			description = "The message is sent to the customer as a PROGRESS notice (SMS or push, in the complaint's language) and starts the next progress milestone. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/progress")
	CaseView progress(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Progress body, Authentication auth) {
		return view(this.actions.progress(caseId, actor(auth), key(key, "progress", body), body.message()), auth,
				"/progress");
	}

	@Operation(summary = "Pause the case while waiting on the customer",
			description = "Milestone clocks stop until the case is resumed. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/wait-on-customer")
	CaseView waitOnCustomer(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody(required = false) @Valid Note body, Authentication auth) {
		Note note = (body != null) ? body : new Note(null);
		return view(this.actions.waitOnCustomer(caseId, actor(auth), key(key, "wait", note), note.note()), auth,
				"/wait-on-customer");
	}

	@Operation(summary = "Resume a paused case",
			description = "Milestone clocks run again, moved by the time paused. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/resume")
	CaseView resume(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			Authentication auth) {
		return view(this.actions.resume(caseId, actor(auth), key(key, "resume", caseId)), auth, "/resume");
	}

	@Operation(summary = "Offer remedies",
			description = "Without a body, the options triage proposed; custom options are checked against the remedy policy of the customer's tier (403 above it for an agent). Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/remedies/offer")
	CaseView offer(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody(required = false) @Valid Offer body, Authentication auth) {
		Offer offer = (body != null) ? body : new Offer(null);
		return view(this.actions.offer(caseId, actor(auth), key(key, "offer", offer), offer.options()), auth,
				"/remedies/offer");
	}

	@Operation(summary = "Record the remedy the customer chose",
			description = "The option is the 0-based index into the offered options; send the case's offerNumber as offer, and a choice made from options that were offered again since is a 409 instead of another remedy at that position. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/remedies/choose")
	CaseView choose(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Choice body, Authentication auth) {
		return view(this.actions.choose(caseId, actor(auth), key(key, "choose", body), body.option(), body.offer()),
				auth, "/remedies/choose");
	}

	@Operation(summary = "Resolve the case",
			description = "Records what fixed the problem and starts the callback milestone. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/resolve")
	CaseView resolve(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Resolution body, Authentication auth) {
		return view(this.actions.resolve(caseId, actor(auth), key(key, "resolve", body), body.resolution()), auth,
				"/resolve");
	}

	@Operation(summary = "Record the callback's result",
			description = "Satisfaction 1-5 and whether the problem is solved. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/callback")
	CaseView callback(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Callback body, Authentication auth) {
		return view(this.actions.callback(caseId, actor(auth), key(key, "callback", body), body.satisfaction(),
				body.problemResolved()), auth, "/callback");
	}

	@Operation(summary = "Close the case",
			description = "Records the retention outcome; a closed case takes no more actions. Roles: AGENT, SUPERVISOR. Idempotent under the Idempotency-Key header.")
	@PostMapping("/close")
	CaseView close(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Closing body, Authentication auth) {
		return view(this.actions.close(caseId, actor(auth), key(key, "close", body), body.outcome()), auth, "/close");
	}

	private CaseView view(FollowupCase c, Authentication auth, String action) {
		return this.views.render(c, auth, "POST /api/v1/cases/{caseId}" + action);
	}

	private static CaseActions.Actor actor(Authentication auth) {
		return CaseActions.Actor.of(auth);
	}

	private static String key(String header, String action, Object body) {
		return ActionKeys.key(header, action, body);
	}

	/** An optional note. */
	record Note(@Size(max = 2000) String note) {

	}

	/** A progress update's message to the customer. */
	record Progress(@NotBlank @Size(max = 2000) String message) {

	}

	/** Custom remedy options; none means the options triage proposed. */
	record Offer(@Valid @Size(max = 5) List<@NotNull OfferedRemedy> remedies) {

		List<RemedyOption> options() {
			return (this.remedies != null) ? this.remedies.stream().map(OfferedRemedy::option).toList() : null;
		}

	}

	/**
	 * One custom remedy: an amount is money (not negative, at most two decimals, at most
	 * the largest cap of the remedy policy's tiers; the case's own tier is checked when
	 * it is offered).
	 */
	record OfferedRemedy(@NotNull RemedyKind kind, @NotBlank @Size(max = 500) String description,
			@DecimalMin("0") @DecimalMax("9999999.99") @Digits(integer = 7,
					fraction = RemedyPolicy.MAX_SCALE) BigDecimal amount) {

		RemedyOption option() {
			return new RemedyOption(this.kind, this.description, this.amount);
		}

	}

	/**
	 * The option the customer chose, 0-based, and optionally the number of the offer it
	 * was chosen from (the case's {@code offerNumber}): a 409 when the options were
	 * offered again since.
	 */
	record Choice(@NotNull @Min(0) Integer option, @Min(0) Integer offer) {

	}

	/** What fixed the problem. */
	record Resolution(@NotBlank @Size(max = 2000) String resolution) {

	}

	/** The callback's result. */
	record Callback(@NotNull @Min(1) @Max(5) Integer satisfaction, @NotNull Boolean problemResolved) {

	}

	/** The retention outcome. */
	record Closing(@NotNull Outcome outcome) {

	}

}
