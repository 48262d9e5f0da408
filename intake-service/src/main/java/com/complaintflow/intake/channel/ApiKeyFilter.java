package com.complaintflow.intake.channel;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import com.complaintflow.events.Channel;
import com.complaintflow.support.openapi.OpenApiSupportConfiguration;
import com.complaintflow.support.security.ProblemDetailsSecurityHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates channel API calls, and reads of the API documents that present a key, by
 * their {@code X-Api-Key} header; a missing or unknown key is answered 401 with problem
 * details before any other work.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	static final String API_PATH = "/api/";

	/**
	 * The operations endpoints every service shares (dead-letter re-drive): staff with
	 * OPERATIONS call them with HTTP Basic, not with a channel key.
	 */
	static final String OPERATIONS_PATH = "/api/v1/operations/";

	/**
	 * The API documents (springdoc's document and UI): a channel key reads them, as staff
	 * credentials do.
	 */
	private static final RequestMatcher DOCUMENTS = new OrRequestMatcher(
			Arrays.stream(OpenApiSupportConfiguration.DOCUMENT_PATHS)
				.map((path) -> PathPatternRequestMatcher.withDefaults().matcher(path))
				.toArray(RequestMatcher[]::new));

	private final ChannelKeys keys;

	ApiKeyFilter(ChannelKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (DOCUMENTS.matches(request)) {
			// without a key, staff credentials may open them
			return request.getHeader(HEADER) == null;
		}
		return !path.startsWith(API_PATH) || path.startsWith(OPERATIONS_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		Optional<Channel> channel = this.keys.channelFor(presented);
		if (channel.isEmpty()) {
			response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
			ProblemDetailsSecurityHandler.write(
					response, HttpStatus.UNAUTHORIZED, "Unauthorized", (presented == null || presented.isEmpty())
							? "The " + HEADER + " header is required." : "The API key is not valid.",
					request.getRequestURI());
			return;
		}
		request.setAttribute(CallingChannel.ATTRIBUTE, channel.get());
		SecurityContextHolder.getContext().setAuthentication(new ChannelAuthentication(channel.get()));
		chain.doFilter(request, response);
	}

}
