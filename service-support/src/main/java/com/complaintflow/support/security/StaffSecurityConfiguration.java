package com.complaintflow.support.security;

import java.time.Clock;
import java.util.Map;

import com.complaintflow.support.openapi.OpenApiSupportConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Staff authentication shared by the services: HTTP Basic against configured accounts,
 * stateless, problem-details errors; health is open, every other endpoint needs
 * credentials.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication
@EnableConfigurationProperties(StaffSecuritySettings.class)
public class StaffSecurityConfiguration {

	/** The profile in which development accounts and keys are allowed. */
	public static final String LOCAL_PROFILE = "local";

	/**
	 * The Content-Security-Policy of the staff pages (followup's console, analytics'
	 * dashboard): their own scripts, styles and connections only, no inline code, no
	 * plugins, never framed.
	 */
	public static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** The hash that {@code ops/make-env.sh} writes. */
	static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswords(staffPasswordHashes(), Clock.systemUTC());
	}

	/**
	 * The hashes a staff password may be stored as, by their {@code {id}}. What it
	 * encodes (among them the stand-in that Spring Security checks a password against
	 * when the username is unknown) is PBKDF2 as {@code ops/make-env.sh} writes it, so an
	 * unknown username takes as long as a known one and the time of a refusal does not
	 * tell which names exist.
	 */
	@SuppressWarnings("deprecation")
	static PasswordEncoder staffPasswordHashes() {
		return new DelegatingPasswordEncoder(PBKDF2,
				Map.of(PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "pbkdf2",
						Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5(), "bcrypt", new BCryptPasswordEncoder(),
						// development accounts (ProfileGuard refuses them outside local)
						"noop", NoOpPasswordEncoder.getInstance()));
	}

	@Bean
	@ConditionalOnMissingBean
	UserDetailsService staffUsers(StaffSecuritySettings settings, Environment environment) {
		if (settings.users().isEmpty()) {
			throw new IllegalStateException("No staff accounts configured (complaintflow.security.users). "
					+ "Development accounts exist only in the '" + LOCAL_PROFILE + "' profile; "
					+ "configure accounts with {bcrypt} passwords for any other profile.");
		}
		ProfileGuard.checkPasswords(settings.users(), environment.getActiveProfiles());
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		settings.users()
			.forEach((user) -> manager.createUser(User.withUsername(user.username())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build()));
		// Only the lookup is exposed: were the manager itself the bean, Spring Security
		// would "upgrade" every
		// password to bcrypt on first login and pay a bcrypt hash on every request after
		// it.
		return manager::loadUserByUsername;
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain staffSecurityFilterChain(HttpSecurity http) throws Exception {
		return baseline(http).authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
	}

	/**
	 * The common part of every service's filter chain: stateless Basic auth with
	 * problem-detail errors, changes sent cross-site by a browser refused, health open,
	 * the API documents for any account, other actuator endpoints for OPERATIONS and
	 * METRICS, the operations endpoints (dead-letter re-drive) for OPERATIONS. Callers
	 * add their own rules and build.
	 * @param http the builder
	 * @return the builder with the common part applied
	 * @throws Exception from the builder
	 */
	public static HttpSecurity baseline(HttpSecurity http) throws Exception {
		ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler("Basic realm=\"complaint-flow\"");
		return http.csrf(AbstractHttpConfigurer::disable)
			// no CSRF token on a stateless API, but a browser's cached Basic login must
			// not act for another site's form
			.addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/error")
				.permitAll()
				// a load balancer may probe with HEAD
				.requestMatchers(HttpMethod.HEAD, "/actuator/health", "/actuator/health/**")
				.permitAll()
				// the API documents: for any account (in intake, a channel key too), not
				// for the network at large
				.requestMatchers(HttpMethod.GET, OpenApiSupportConfiguration.DOCUMENT_PATHS)
				.authenticated()
				.requestMatchers("/actuator/**")
				.hasAnyRole(Roles.OPERATIONS, Roles.METRICS)
				.requestMatchers("/api/v1/operations/**")
				.hasRole(Roles.OPERATIONS));
	}

}
