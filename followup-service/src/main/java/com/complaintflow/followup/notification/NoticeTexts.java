package com.complaintflow.followup.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.complaintflow.events.Language;
import com.complaintflow.events.RemedyOption;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Words customer notices from the message bundles
 * {@code notifications/notices*.properties} (English the default, Chinese in
 * {@code _zh}), with times in the configured zone.
 */
@Component
class NoticeTexts {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final DateTimeFormatter times;

	NoticeTexts(NotificationSettings settings) {
		this.messages.setBasename("notifications/notices");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		this.messages.setAlwaysUseMessageFormat(true);
		this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
	}

	/** The message {@code key} in {@code language}, with its arguments. */
	String text(Language language, String key, Object... args) {
		return this.messages.getMessage(key, args, locale(language));
	}

	/** An instant as the customer reads it (minutes, in the configured zone). */
	String time(Instant at) {
		return this.times.format(at);
	}

	/** A remedy as compensation: its kind's words, and its worth when it has one. */
	String compensation(Language language, RemedyOption remedy) {
		String kind = text(language, "remedy." + remedy.kind().name());
		BigDecimal amount = remedy.amount();
		return (amount == null) ? kind : text(language, "compensation", kind, amount.toPlainString());
	}

	private static Locale locale(Language language) {
		return (language == Language.ZH) ? Locale.CHINESE : Locale.ENGLISH;
	}

}
