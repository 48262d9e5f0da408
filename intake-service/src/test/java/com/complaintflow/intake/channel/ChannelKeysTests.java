package com.complaintflow.intake.channel;

import com.complaintflow.events.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel keys are configured as SHA-256 hashes; without keys, or with a malformed or
 * duplicated one, the service refuses to start.
 */
class ChannelKeysTests {

	private static final String HOTLINE_DEV_SHA256 = "a64a732b06b8a958484f373e535fd1f396fded68e87092fab1714322950026e8";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(KeysConfiguration.class);

	@Test
	void keyResolvesToItsChannelByHashAndOtherKeysToNothing() {
		this.runner
			.withPropertyValues("complaintflow.intake.channels[0].channel=HOTLINE",
					"complaintflow.intake.channels[0].name=hotline-dev",
					"complaintflow.intake.channels[0].sha256=" + HOTLINE_DEV_SHA256)
			.run((context) -> {
				ChannelKeys keys = context.getBean(ChannelKeys.class);
				assertThat(keys.channelFor("hotline-dev-key")).contains(Channel.HOTLINE);
				assertThat(keys.channelFor(HOTLINE_DEV_SHA256)).isEmpty();
				assertThat(keys.channelFor("")).isEmpty();
				assertThat(keys.channelFor(null)).isEmpty();
			});
	}

	@Test
	void serviceRefusesToStartWithoutKeys() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("complaintflow.intake.channels"));
	}

	@Test
	void serviceRefusesToStartWithAPlainTextKey() {
		this.runner
			.withPropertyValues("complaintflow.intake.channels[0].channel=APP",
					"complaintflow.intake.channels[0].name=app", "complaintflow.intake.channels[0].sha256=app-dev-key")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void serviceRefusesToStartWithTheSameKeyTwice() {
		this.runner
			.withPropertyValues("complaintflow.intake.channels[0].channel=APP",
					"complaintflow.intake.channels[0].name=a",
					"complaintflow.intake.channels[0].sha256=" + HOTLINE_DEV_SHA256,
					"complaintflow.intake.channels[1].channel=STORE", "complaintflow.intake.channels[1].name=b",
					"complaintflow.intake.channels[1].sha256=" + HOTLINE_DEV_SHA256)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("configured twice"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ChannelKeySettings.class)
	@Import(ChannelKeys.class)
	static class KeysConfiguration {

	}

}
