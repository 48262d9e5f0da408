package com.complaintflow.triage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The triage service: classifies each received complaint, picks the retention playbook,
 * remedies and deadlines, and detects outages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TriageApplication {

	public static void main(String[] args) {
		SpringApplication.run(TriageApplication.class, args);
	}

}
