package com.complaintflow.followup.config;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session nobody has used for the idle timeout: a page's own background
 * reloads and its event stream keep the servlet session alive, so they do not count as
 * use; an unattended console (a customer's name and phone on screen) is signed out.
 */
class ConsoleIdleTimeout extends OncePerRequestFilter {

	/** The session attribute with the instant of the staff member's last own request. */
	static final String LAST_USE = ConsoleIdleTimeout.class.getName() + ".lastUse";

	private final Duration idleTimeout;

	private final Clock clock;

	private final RequestMatcher background;

	ConsoleIdleTimeout(Duration idleTimeout, Clock clock, RequestMatcher background) {
		this.idleTimeout = idleTimeout;
		this.clock = clock;
		this.background = background;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Instant now = this.clock.instant();
			Instant lastUse = (Instant) session.getAttribute(LAST_USE);
			if (lastUse != null && now.isAfter(lastUse.plus(this.idleTimeout))) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
			else if (!this.background.matches(request)) {
				session.setAttribute(LAST_USE, now);
			}
		}
		chain.doFilter(request, response);
	}

}
