package com.complaintflow.followup.config;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the case API: agents and supervisors act on cases (only supervisors
 * assign), operations may read them (without contact); supervisors and operations read
 * the contact-read audit.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain followupSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
						.requestMatchers(HttpMethod.GET, "/api/v1/audit/contact-reads")
						.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS)
						.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/assign")
						.hasRole(Roles.SUPERVISOR)
						.requestMatchers("/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
						.anyRequest()
						.denyAll())
			.build();
	}

}
