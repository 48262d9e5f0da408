package com.complaintflow.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.microsoft.playwright.junit.UsePlaywright;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives the real browser: Playwright's JUnit support with
 * {@link DebianChromium}'s options injects {@code Page}, {@code BrowserContext} (a fresh
 * one per test) and {@code Browser} (one per test JVM) into test methods; Playwright's
 * assertions wait up to 20 s; without an installed Chromium the class is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({ ChromiumInstalled.class, PatientAssertions.class })
@UsePlaywright(DebianChromium.class)
public @interface BrowserTest {

}
