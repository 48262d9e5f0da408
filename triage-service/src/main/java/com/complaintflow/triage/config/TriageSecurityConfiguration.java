package com.complaintflow.triage.config;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the triage API: staff (agents, supervisors, operations) read decisions and
 * preview; agents and supervisors correct or confirm decisions, and followup's console
 * does for the staff member it names ({@code StaffMember}); supervisors list the
 * decisions to check (and the console, for a supervisor it names); supervisors and
 * operations manage the rules and the model and export corrections.
 */
@Configuration(proxyBeanMethods = false)
class TriageSecurityConfiguration {

	@Bean
	SecurityFilterChain triageSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/triage/decisions/**")
				.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
				.requestMatchers(HttpMethod.POST, "/api/v1/triage/preview")
				.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
				.requestMatchers(HttpMethod.POST, "/api/v1/triage/decisions/*/corrections",
						"/api/v1/triage/decisions/*/confirmations")
				.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.CONSOLE)
				.requestMatchers(HttpMethod.GET, "/api/v1/triage/review")
				.hasAnyRole(Roles.SUPERVISOR, Roles.CONSOLE)
				.requestMatchers(HttpMethod.GET, "/api/v1/triage/corrections/untrained")
				.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS, Roles.CONSOLE)
				.requestMatchers("/api/v1/triage/rules", "/api/v1/triage/rules/**", "/api/v1/triage/model",
						"/api/v1/triage/model/**", "/api/v1/triage/corrections")
				.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS)
				.anyRequest()
				.denyAll())
			.build();
	}

}
