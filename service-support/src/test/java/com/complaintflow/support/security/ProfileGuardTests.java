package com.complaintflow.support.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Development credentials stay on developers' machines: {@code local} is refused next to
 * another profile, and plain-text passwords outside the lone {@code local} profile.
 */
class ProfileGuardTests {

	private static final StaffSecuritySettings.StaffUser PLAIN = new StaffSecuritySettings.StaffUser("agent",
			"{noop}agent-dev", List.of(Roles.AGENT));

	private static final StaffSecuritySettings.StaffUser ENCODED = new StaffSecuritySettings.StaffUser("agent",
			"{pbkdf2@SpringSecurity_v5_8}00112233445566778899aabbccddeeffcdf88cb953ac0dbe4b8860ceb15c559a0208340dc0001211a14dc9fc1f284506",
			List.of(Roles.AGENT));

	@Test
	void localNextToAnotherProfileIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ProfileGuard.checkProfiles("docker", "local"))
			.withMessageContaining("cannot be combined");
		assertThatNoException().isThrownBy(() -> ProfileGuard.checkProfiles("local"));
		assertThatNoException().isThrownBy(() -> ProfileGuard.checkProfiles("docker"));
	}

	@Test
	void aServiceStartedWithLocalAndAnotherProfileDoesNotStart() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setAdditionalProfiles("docker", "local");
		assertThatThrownBy(application::run).hasStackTraceContaining("cannot be combined");
	}

	@Test
	void plainTextPasswordsAreRefusedOutsideTheLoneLocalProfile() {
		assertThatIllegalStateException().isThrownBy(() -> ProfileGuard.checkPasswords(List.of(PLAIN), "docker"))
			.withMessageContaining("[agent]");
		assertThatIllegalStateException().isThrownBy(() -> ProfileGuard.checkPasswords(List.of(PLAIN)));
		assertThatNoException().isThrownBy(() -> ProfileGuard.checkPasswords(List.of(PLAIN), "local"));
		assertThatNoException().isThrownBy(() -> ProfileGuard.checkPasswords(List.of(ENCODED), "docker"));
	}

	@Test
	void theHashOpsMakeEnvWritesIsOneTheServicesAccept() {
		// python3 hashlib.pbkdf2_hmac('sha256', b'agent-secret', salt, 310000, 32), as
		// ops/make-env.sh computes it
		assertThat(
				PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("agent-secret", ENCODED.password()))
			.isTrue();
	}

	@SpringBootConfiguration
	static class Empty {

	}

}
