package com.complaintflow.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The follow-up service: opens a case per triaged complaint and keeps its promises on
 * time with durable milestones, reminders, escalation and on-call alerts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FollowupApplication {

	public static void main(String[] args) {
		SpringApplication.run(FollowupApplication.class, args);
	}

}
