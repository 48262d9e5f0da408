package com.complaintflow.intake.submission;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link VisibleText}: a letter, digit or symbol code point that is not one of the
 * blank fillers Unicode files as letters or symbols.
 */
class VisibleTextValidator implements ConstraintValidator<VisibleText, CharSequence> {

	@Override
	public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
		return text == null || text.isEmpty() || text.codePoints().anyMatch(VisibleTextValidator::visible);
	}

	static boolean visible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
				!blankFiller(codePoint);
			default -> false;
		};
	}

	/** Hangul fillers (default-ignorable letters) and the blank braille pattern. */
	private static boolean blankFiller(int codePoint) {
		return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
				|| codePoint == 0x2800;
	}

}
