package com.complaintflow.intake.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneKind;

import org.springframework.stereotype.Component;

/**
 * Puts a complaint's status and open promises into plain words for the customer, in
 * English or Chinese, with times in the customer's time zone.
 */
@Component
class StatusWording {

	private static final Map<Stage, String> EN = new EnumMap<>(Map.ofEntries(
			Map.entry(Stage.WAITING_ON_CUSTOMER,
					"We are waiting for information from you; our promised times are paused until we hear from you."),
			Map.entry(Stage.SUPERVISED, "A supervisor is now overseeing your complaint."),
			Map.entry(Stage.ACCEPTED, "We have received your complaint and are looking into it."),
			Map.entry(Stage.IN_PROGRESS, "Your complaint is being handled."),
			Map.entry(Stage.CONTACTED, "We have been in touch with you and are working on it."),
			Map.entry(Stage.REMEDY_OFFERED, "We have offered you options; please tell us which one you prefer."),
			Map.entry(Stage.REMEDY_CHOSEN, "We are carrying out the remedy you chose."),
			Map.entry(Stage.RESOLVED, "Your problem has been resolved; we are awaiting your feedback."),
			Map.entry(Stage.ESCALATED, "Your complaint has been passed to an expert team."),
			Map.entry(Stage.CLOSED, "Your complaint is closed. Thank you.")));

	private static final Map<Stage, String> ZH = new EnumMap<>(Map.ofEntries(
			Map.entry(Stage.ACCEPTED, "我们已受理您的投诉，正在核查。"), Map.entry(Stage.IN_PROGRESS, "您的投诉正在处理中。"),
			Map.entry(Stage.CONTACTED, "我们已与您联系，正在处理。"), Map.entry(Stage.REMEDY_OFFERED, "我们已为您提供几种方案，请告诉我们您的选择。"),
			Map.entry(Stage.REMEDY_CHOSEN, "我们正在落实您选择的方案。"), Map.entry(Stage.RESOLVED, "您的问题已解决，期待您的反馈。"),
			Map.entry(Stage.WAITING_ON_CUSTOMER, "我们正在等待您提供信息；在收到您的回复之前，承诺时限暂停计算。"),
			Map.entry(Stage.SUPERVISED, "主管已介入跟进您的投诉。"), Map.entry(Stage.ESCALATED, "您的投诉已转交专家团队处理。"),
			Map.entry(Stage.CLOSED, "您的投诉已办结，感谢您的耐心。")));

	private static final Map<MilestoneKind, String> EN_PROMISES = new EnumMap<>(Map.of(MilestoneKind.FIRST_RESPONSE,
			"We will respond to you by %s.", MilestoneKind.ENGINEER_CONTACT, "An engineer will contact you by %s.",
			MilestoneKind.PROMISED_ANSWER, "We will give you an answer or fix by %s.", MilestoneKind.PROGRESS_UPDATE,
			"We will update you on progress by %s.", MilestoneKind.CALLBACK,
			"We will call you by %s to check that everything is fine.", MilestoneKind.ESCALATED_RESOLUTION,
			"The expert team will give you an answer by %s."));

	private static final Map<MilestoneKind, String> ZH_PROMISES = new EnumMap<>(Map.of(MilestoneKind.FIRST_RESPONSE,
			"我们将在%s前答复您。", MilestoneKind.ENGINEER_CONTACT, "工程师将在%s前与您联系。", MilestoneKind.PROMISED_ANSWER,
			"我们将在%s前给您答复或修复。", MilestoneKind.PROGRESS_UPDATE, "我们将在%s前向您通报进展。", MilestoneKind.CALLBACK,
			"我们将在%s前回访您，确认问题已解决。", MilestoneKind.ESCALATED_RESOLUTION, "专家团队将在%s前给您答复。"));

	private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy",
			Locale.ENGLISH);

	private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE);

	private final ZoneId zone;

	StatusWording(StatusSettings settings) {
		this.zone = settings.customerTimeZone();
	}

	StatusView describe(ComplaintStatus status) {
		boolean zh = status.language() == Language.ZH;
		String message = (zh ? ZH : EN).get(status.stage());
		List<StatusView.Promise> promises = new ArrayList<>();
		for (MilestoneKind kind : openKinds(status.stage())) {
			Instant dueAt = status.deadline(kind.name());
			if (dueAt != null) {
				String time = (zh ? ZH_TIME : EN_TIME).withZone(this.zone).format(dueAt);
				promises.add(new StatusView.Promise(kind.name(), dueAt,
						String.format((zh ? ZH_PROMISES : EN_PROMISES).get(kind), time)));
			}
		}
		promises.sort(Comparator.comparing(StatusView.Promise::dueAt));
		return new StatusView(status.complaintId(), status.stage().name(), message, status.stageAt(), promises);
	}

	/**
	 * The promises that matter to the customer at a stage (those met are left out by the
	 * status itself). A supervisor or the experts may take a case over after its
	 * resolution, when its callback is late: the callback is then the promise left.
	 */
	private static List<MilestoneKind> openKinds(Stage stage) {
		switch (stage) {
			case ACCEPTED:
			case IN_PROGRESS:
				return List.of(MilestoneKind.ENGINEER_CONTACT, MilestoneKind.FIRST_RESPONSE,
						MilestoneKind.PROMISED_ANSWER, MilestoneKind.PROGRESS_UPDATE);
			case SUPERVISED:
				// a supervisor rung also fires on the experts' own deadline
				return List.of(MilestoneKind.ENGINEER_CONTACT, MilestoneKind.FIRST_RESPONSE,
						MilestoneKind.PROMISED_ANSWER, MilestoneKind.ESCALATED_RESOLUTION,
						MilestoneKind.PROGRESS_UPDATE, MilestoneKind.CALLBACK);
			case CONTACTED:
			case REMEDY_OFFERED:
			case REMEDY_CHOSEN:
				return List.of(MilestoneKind.PROMISED_ANSWER, MilestoneKind.PROGRESS_UPDATE);
			case ESCALATED:
				return List.of(MilestoneKind.ESCALATED_RESOLUTION, MilestoneKind.PROMISED_ANSWER,
						MilestoneKind.PROGRESS_UPDATE, MilestoneKind.CALLBACK);
			case RESOLVED:
				return List.of(MilestoneKind.CALLBACK);
			case WAITING_ON_CUSTOMER:
				// The clocks are paused: no promised time runs until the customer
				// answers.
			default:
				return List.of();
		}
	}

}
