package com.complaintflow.followup.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;

import com.complaintflow.events.Language;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles: both languages word every notice and every remedy, every argument
 * is filled in, and times are written in the configured zone.
 */
class NoticeTextsTests {

	private final NoticeTexts texts = new NoticeTexts(
			new NotificationSettings(null, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5),
					Duration.ofSeconds(5), ZoneId.of("Asia/Shanghai"), "10000", null));

	@Test
	void bothBundlesHaveTheSameKeysAndARemedyWordForEveryKind() throws IOException {
		Properties english = bundle("notifications/notices.properties");
		Properties chinese = bundle("notifications/notices_zh.properties");
		assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		for (RemedyKind kind : RemedyKind.values()) {
			assertThat(english).containsKey("remedy." + kind.name());
		}
	}

	@Test
	void everyNoticeIsWordedInBothLanguagesWithEveryArgumentFilledIn() throws IOException {
		for (String key : bundle("notifications/notices.properties").stringPropertyNames()) {
			String english = this.texts.text(Language.EN, key, "CMP-1", "arg one", "arg two", "arg three");
			String chinese = this.texts.text(Language.ZH, key, "CMP-1", "arg one", "arg two", "arg three");
			assertThat(english).as(key).doesNotContain("{", "}").isNotEqualTo(chinese);
			assertThat(chinese).as(key).doesNotContain("{", "}");
		}
	}

	@Test
	void timesAreInTheConfiguredZoneAndCompensationCarriesItsWorth() {
		assertThat(this.texts.time(Instant.parse("2026-11-22T07:31:02Z"))).isEqualTo("2026-11-22 15:31");
		RemedyOption credit = new RemedyOption(RemedyKind.BILL_CREDIT, "Credit", new BigDecimal("30.50"));
		assertThat(this.texts.compensation(Language.EN, credit)).isEqualTo("a bill credit worth 30.50 yuan");
		assertThat(this.texts.compensation(Language.ZH, credit)).isEqualTo("话费补偿（价值 30.50 元）");
		assertThat(this.texts.compensation(Language.EN, new RemedyOption(RemedyKind.ONSITE_REPAIR, "Visit", null)))
			.isEqualTo("an on-site repair visit");
	}

	private static Properties bundle(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = NoticeTextsTests.class.getClassLoader().getResourceAsStream(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
