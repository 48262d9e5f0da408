package com.complaintflow.support.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser says came from anywhere but the
 * service's own pages ({@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}): a browser that keeps a staff member's HTTP Basic login would send it
 * along with a form another site posts, and the API has no CSRF token. {@code same-site}
 * is refused too: another host of the same domain, or another port of this host, is not
 * this service. Clients that are not browsers send no such header.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * The request came from the service's own page, or the user typed or bookmarked it.
	 */
	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if (!SAFE_METHODS.contains(request.getMethod()) && site != null
				&& !OWN_SITE.contains(site.toLowerCase(Locale.ROOT))) {
			ProblemDetailsSecurityHandler.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused",
					"A browser sent this request from another site; the API takes changes only from its own clients.",
					request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

}
