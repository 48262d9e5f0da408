package com.complaintflow.support.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser says another site sent
 * ({@code Sec-Fetch-Site: cross-site}): a browser that keeps a staff member's HTTP Basic
 * login would send it along with a form another site posts, and the API has no CSRF
 * token. Clients that are not browsers send no such header.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod())
				&& "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			ProblemDetailsSecurityHandler.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused",
					"A browser sent this request from another site; the API takes changes only from its own clients.",
					request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

}
