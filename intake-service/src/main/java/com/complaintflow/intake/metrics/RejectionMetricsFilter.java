package com.complaintflow.intake.metrics;

import java.io.IOException;

import com.complaintflow.events.Channel;
import com.complaintflow.intake.channel.CallingChannel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every rejected complaint submission, whichever layer rejected it (API key, size,
 * media type, validation, idempotency, broker), by channel and reason.
 */
class RejectionMetricsFilter extends OncePerRequestFilter {

	static final String SUBMIT_PATH = "/api/v1/complaints";

	private final IntakeMetrics metrics;

	RejectionMetricsFilter(IntakeMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + SUBMIT_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400) {
				Object channel = request.getAttribute(CallingChannel.ATTRIBUTE);
				Object reason = request.getAttribute(IntakeMetrics.REASON_ATTRIBUTE);
				this.metrics.rejected((channel instanceof Channel known) ? known.name() : IntakeMetrics.UNKNOWN_CHANNEL,
						(reason != null) ? reason.toString() : reasonFor(status));
			}
		}
	}

	static String reasonFor(int status) {
		switch (status) {
			case 400:
				return "invalid";
			case 401:
				return "unauthorized";
			case 403:
				return "forbidden";
			case 413:
				return "too_large";
			case 415:
				return "unsupported_media_type";
			case 422:
				return "idempotency_conflict";
			case 503:
				return "unavailable";
			default:
				return (status >= 500) ? "server_error" : "other";
		}
	}

}
