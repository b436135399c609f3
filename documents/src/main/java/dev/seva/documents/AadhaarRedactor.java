package dev.seva.documents;

import dev.seva.sdk.identifiers.Aadhaar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Aadhaar numbers in a text as people type them and as OCR reads them, and masks them to their last four digits
 * ({@code XXXX XXXX 1234}, the form {@link Aadhaar#masked()} gives). Pure and thread-safe.
 *
 * <p>
 * The text is read as runs of four-character groups separated by nothing or by up to {@value #MAX_SEPARATOR}
 * spaces, line breaks, dots, hyphens or dashes. Inside a group OCR's look-alikes count as digits (O and o for 0, I, l
 * and | for 1, S for 5, B for 8). Three consecutive groups of a run are a <em>candidate</em> when at least
 * {@value #MIN_DIGITS} of their twelve characters are real digits (words are never taken for a number) and they do not
 * cut a longer unbroken string of digits (a 16-digit card or account number is not an Aadhaar number).
 * <ul>
 * <li>Anywhere, a candidate that is an Aadhaar number is masked: first digit 2 to 9, the Verhoeff check holds (twelve
 * digits that fail it are an account or reference number, and stay), and not written right after a {@code +} (an
 * international phone number such as {@code +919876543210}).</li>
 * <li>In an Aadhaar letter or card, every candidate is masked whether or not its check digit holds (a misread digit
 * leaves the other eleven the person's number): what remains of a run once its valid numbers are masked is masked too
 * when it still holds a candidate, all but its last group (a date's year that begins it excepted).</li>
 * </ul>
 */
final class AadhaarRedactor {

    /** separator characters between two groups, at most */
    static final int MAX_SEPARATOR = 10;
    /** real digits among a candidate's twelve characters, at least */
    static final int MIN_DIGITS = 8;
    /** OCR's look-alikes of digits, and the digit each stands for */
    private static final String LOOK_ALIKES = "OoIl|SB", AS_DIGITS = "0011158";

    private static final int KEPT = 0, LAST = 1, HIDDEN = 2;

    /** one group of a run: where it is, its digits (look-alikes replaced), how many were real digits */
    private record Group(int start, int end, String digits, int real) {
    }

    private AadhaarRedactor() {
    }

    /**
     * @param text a text (may be null)
     * @param aadhaarDocument whether the text is an Aadhaar letter or card's
     * @return the text with every Aadhaar number (in an Aadhaar document: every candidate) masked
     */
    static String redact(String text, boolean aadhaarDocument) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (List<Group> run : runs(text)) {
            // per group: kept, shown as a number's last four digits, or hidden; where two numbers overlap (a year
            // or a reference before a number may make a valid number too) their groups are hidden but the last
            int[] mask = new int[run.size()];
            for (int i = 0; i + 3 <= run.size(); i++) {
                if (isAadhaar(text, run, i)) {
                    mask[i] = mask[i + 1] = HIDDEN;
                    mask[i + 2] = Math.max(mask[i + 2], LAST);
                }
            }
            if (aadhaarDocument) {
                maskStretchesLeft(text, run, mask);
            }
            for (int i = 0; i < run.size(); i++) {
                if (mask[i] == KEPT) {
                    continue;
                }
                int j = i;
                while (mask[j] != LAST) {
                    j++;
                }
                out.append(text, done, run.get(i).start()).append("XXXX ".repeat(j - i)).append(run.get(j)
                        .digits());
                done = run.get(j).end();
                i = j;
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    /**
     * @param text a text
     * @return the first Aadhaar number in it (look-alikes read as digits; the check digit must hold)
     */
    static Optional<Aadhaar> first(String text) {
        for (List<Group> run : runs(text)) {
            for (int i = 0; i + 3 <= run.size(); i++) {
                if (isAadhaar(text, run, i)) {
                    return Optional.of(Aadhaar.parse(window(run, i)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The runs of three groups or more, in order, none overlapping. A scan rather than a regular expression: a
     * repeated group in a pattern recurses once per repetition, and a long table of numbers overflowed the stack.
     */
    private static List<List<Group>> runs(String text) {
        List<List<Group>> runs = new ArrayList<>();
        int p = 0;
        while (p <= text.length() - 4) {
            if (!isGroupAt(text, p) || p > 0 && isDigit(text.charAt(p - 1))) {
                p++;
                continue;
            }
            List<Group> run = new ArrayList<>();
            int end = p;
            int next = p;
            while (isGroupAt(text, next)) {
                run.add(group(text, next));
                end = next + 4;
                next = end;
                while (next < text.length() && next - end < MAX_SEPARATOR && isSeparator(text.charAt(next))) {
                    next++;
                }
            }
            // a run does not end inside a longer string of digits
            while (!run.isEmpty() && end < text.length() && isDigit(text.charAt(end))) {
                run.remove(run.size() - 1);
                end = run.isEmpty() ? p : run.get(run.size() - 1).end();
            }
            if (run.size() < 3) {
                p++;
                continue;
            }
            runs.add(run);
            p = end;
        }
        return runs;
    }

    private static boolean isGroupAt(String text, int p) {
        if (p < 0 || p + 4 > text.length()) {
            return false;
        }
        for (int i = p; i < p + 4; i++) {
            if (!isDigit(text.charAt(i)) && LOOK_ALIKES.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '-'
                || c >= '\u2010' && c <= '\u2015';
    }

    private static Group group(String text, int p) {
        StringBuilder digits = new StringBuilder(4);
        int real = 0;
        for (int i = p; i < p + 4; i++) {
            char c = text.charAt(i);
            real += isDigit(c) ? 1 : 0;
            digits.append(isDigit(c) ? c : AS_DIGITS.charAt(LOOK_ALIKES.indexOf(c)));
        }
        return new Group(p, p + 4, digits.toString(), real);
    }

    /** masks, in each stretch of groups left unmasked that still holds a candidate, all but the last group */
    private static void maskStretchesLeft(String text, List<Group> run, int[] mask) {
        int i = 0;
        while (i < run.size()) {
            if (mask[i] != KEPT) {
                i++;
                continue;
            }
            int j = i;
            while (j < run.size() && mask[j] == KEPT) {
                j++;
            }
            if (j - i > 3 && endsADate(text, run.get(i).start())) {
                // "DOB: 15/08/1985" on the line before the number: the year is not one of its groups
                i++;
            }
            boolean candidate = false;
            for (int k = i; k + 3 <= j && !candidate; k++) {
                candidate = isCandidate(text, run, k);
            }
            if (candidate) {
                for (int k = i; k < j; k++) {
                    mask[k] = k == j - 1 ? LAST : HIDDEN;
                }
            }
            i = j;
        }
    }

    /** @return whether the group at {@code start} is a date's year ({@code 15/08/1985}, {@code 15.08.1985}) */
    private static boolean endsADate(String text, int start) {
        return start >= 2 && "/.-".indexOf(text.charAt(start - 1)) >= 0 && isDigit(text.charAt(start - 2));
    }

    private static boolean isCandidate(String text, List<Group> run, int i) {
        int start = run.get(i).start(), end = run.get(i + 2).end();
        boolean whole = (start == 0 || !isDigit(text.charAt(start - 1)))
                && (end == text.length() || !isDigit(text.charAt(end)));
        return whole && run.get(i).real() + run.get(i + 1).real() + run.get(i + 2).real() >= MIN_DIGITS;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAadhaar(String text, List<Group> run, int i) {
        if (!isCandidate(text, run, i)) {
            return false;
        }
        int start = run.get(i).start();
        String digits = window(run, i);
        boolean phone = start > 0 && text.charAt(start - 1) == '+';
        return !phone && digits.charAt(0) >= '2' && Aadhaar.verhoeffValid(digits);
    }

    private static String window(List<Group> run, int i) {
        return run.get(i).digits() + run.get(i + 1).digits() + run.get(i + 2).digits();
    }
}
