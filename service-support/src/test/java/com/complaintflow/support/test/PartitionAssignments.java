package com.complaintflow.support.test;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The partitions of a topic that one running instance's listener containers hold, for
 * tests of instances sharing a consumer group.
 */
public final class PartitionAssignments {

	private PartitionAssignments() {
	}

	/**
	 * The partitions of the topic the instance's consumers hold now.
	 * @param instance the instance's application context
	 * @param topic the topic
	 * @return its partitions assigned to this instance
	 */
	public static Set<TopicPartition> of(ApplicationContext instance, String topic) {
		Set<TopicPartition> partitions = new HashSet<>();
		for (MessageListenerContainer container : instance.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainers()) {
			if (container.getAssignedPartitions() != null) {
				container.getAssignedPartitions()
					.stream()
					.filter((partition) -> partition.topic().equals(topic))
					.forEach(partitions::add);
			}
		}
		return partitions;
	}

}
