package com.complaintflow.followup.console;

import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Hears every change of every case, whichever instance made it (a case opened, a reminder
 * raised, a lifecycle action, staff work such as a claim, note or tick as
 * {@code case-worked}), and passes its case id to this instance's open console pages.
 * Each instance reads as its own consumer group from the newest record on, as plain text:
 * a record it cannot read is skipped, never dead-lettered (the service's own listeners
 * own the dead-letter topics).
 */
@Component
class CaseChangeListener {

	static final String FACTORY = "consoleChangeListenerFactory";

	private final LiveQueue live;

	CaseChangeListener(LiveQueue live) {
		this.live = live;
	}

	@KafkaListener(topics = { Topics.CASES, Topics.REMINDERS }, containerFactory = FACTORY,
			groupId = "followup-console-#{T(java.util.UUID).randomUUID()}")
	void on(ConsumerRecord<String, String> record) {
		String caseId = caseId(record.value());
		if (caseId != null) {
			this.live.changed(caseId);
		}
	}

	private static String caseId(String json) {
		if (json == null) {
			return null;
		}
		try {
			JsonNode caseId = EventJson.mapper().readTree(json).get("caseId");
			return (caseId != null && caseId.isString()) ? caseId.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Plain-text records, newest first, no commits to wait for, errors logged only. */
	@Bean(FACTORY)
	static ConcurrentKafkaListenerContainerFactory<String, String> consoleChangeListenerFactory(
			KafkaProperties properties) {
		Map<String, Object> config = properties.buildConsumerProperties();
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "followup-console-" + UUID.randomUUID());
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()));
		factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
		return factory;
	}

}
