package com.complaintflow.intake.submission;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.complaintflow.events.time.InstantRangeModule;
import com.complaintflow.support.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into a clean, valid {@link ComplaintRequest}: strict JSON
 * (unknown, duplicate and operator-like field names rejected, instants held to
 * {@link com.complaintflow.events.time.InstantRange}), free text sanitised, then Bean
 * Validation. Error messages name the field but never echo the submitted values, which
 * may be personal data.
 */
@Component
class ComplaintRequestReader {

	private static final JsonMapper STRICT = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(8)
				.maxNumberLength(40)
				.maxStringLength(64 * 1024)
				.build())
			.build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
				DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.addModule(new InstantRangeModule())
		.build();

	private final Validator validator;

	ComplaintRequestReader(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Reads, sanitises and validates one body.
	 * @param body the UTF-8 JSON body
	 * @return the clean request
	 * @throws ProblemException 400 when the body is not a readable complaint
	 * @throws ConstraintViolationException when fields are invalid (400 with field
	 * errors)
	 */
	ComplaintRequest read(byte[] body) {
		ComplaintRequest parsed;
		try {
			parsed = STRICT.readValue(body, ComplaintRequest.class);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
		if (parsed == null) {
			throw problem("The body must be a JSON object.", null, null);
		}
		ComplaintRequest clean = sanitize(parsed);
		Set<ConstraintViolation<ComplaintRequest>> violations = this.validator.validate(clean);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		return clean;
	}

	/** The canonical JSON of a clean request, the basis of the idempotency hash. */
	static byte[] canonical(ComplaintRequest request) {
		return STRICT.writeValueAsBytes(request);
	}

	private static ComplaintRequest sanitize(ComplaintRequest request) {
		ComplaintRequest.CustomerPart customer = (request.customer() != null) ? new ComplaintRequest.CustomerPart(
				TextSanitizer.clean(request.customer().id()), TextSanitizer.clean(request.customer().name()),
				TextSanitizer.clean(request.customer().phone()), request.customer().tier()) : null;
		ComplaintRequest.LocationPart location = (request.location() != null)
				? new ComplaintRequest.LocationPart(TextSanitizer.clean(request.location().regionCode()),
						TextSanitizer.clean(request.location().address()))
				: null;
		return new ComplaintRequest(customer, request.occurredAt(), location,
				TextSanitizer.clean(request.description()), TextSanitizer.clean(request.believedCause()),
				request.expectedRemedy(), TextSanitizer.clean(request.product()), request.disputedAmount(),
				request.emotionCues(), request.language());
	}

	private static ProblemException unreadable(JacksonException ex) {
		String field = fieldPath(ex);
		if (ex instanceof UnrecognizedPropertyException unknown) {
			String name = unknown.getPropertyName();
			boolean operatorLike = name != null && (name.startsWith("$") || name.contains("."));
			String message = operatorLike ? "field names starting with '$' or containing '.' are not allowed"
					: "unknown field (see the OpenAPI document for the accepted fields)";
			return problem("The body has a field this API does not accept.", field, message);
		}
		if (ex instanceof InvalidFormatException) {
			return problem("The body has a value of the wrong type or format.", field,
					"invalid value for " + simpleType(((InvalidFormatException) ex).getTargetType()));
		}
		if (field != null && !field.isEmpty()) {
			return problem("The body has a value of the wrong type or format.", field, "invalid value");
		}
		return problem("The body is not valid JSON (UTF-8, one object, no duplicate fields).", null, null);
	}

	private static String simpleType(Class<?> type) {
		if (type == null) {
			return "this field";
		}
		if (type.isEnum()) {
			return "this field; allowed: " + java.util.Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		return type.getSimpleName();
	}

	private static String fieldPath(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static ProblemException problem(String detail, String field, String message) {
		ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
		if (field != null && !field.isEmpty()) {
			problem.getProblem().setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		return problem;
	}

}
