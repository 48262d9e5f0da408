package com.complaintflow.analytics.config;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may read analytics: operations and supervisors everything (the dashboard and the
 * API it reads); agents the timeline of one complaint. The dashboard's pages carry the
 * staff pages' Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsSecurityConfiguration {

	@Bean
	SecurityFilterChain analyticsSecurity(HttpSecurity http) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/analytics/complaints/*/timeline")
						.hasAnyRole(Roles.OPERATIONS, Roles.SUPERVISOR, Roles.AGENT)
						.requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**")
						.hasAnyRole(Roles.OPERATIONS, Roles.SUPERVISOR)
						.requestMatchers(HttpMethod.GET, "/api/v1/analytics/**")
						.hasAnyRole(Roles.OPERATIONS, Roles.SUPERVISOR)
						.anyRequest()
						.denyAll())
			.headers((headers) -> headers.addHeaderWriter(
					new DelegatingRequestMatcherHeaderWriter(PathPatternRequestMatcher.pathPattern("/dashboard/**"),
							new ContentSecurityPolicyHeaderWriter(StaffSecurityConfiguration.PAGE_POLICY))))
			.build();
	}

}
