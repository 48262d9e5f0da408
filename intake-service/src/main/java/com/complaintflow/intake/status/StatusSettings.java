package com.complaintflow.intake.status;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the status view speaks to customers.
 *
 * @param customerTimeZone the time zone promised times are written in
 */
@Validated
@ConfigurationProperties("complaintflow.intake.status")
record StatusSettings(@DefaultValue("Asia/Shanghai") @NotNull ZoneId customerTimeZone) {

}
