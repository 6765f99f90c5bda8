package dk.mitforlob.survey;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A round's results as CSV for Danish Excel: UTF-8 with a byte order mark (so Excel reads æøå),
 * semicolons between fields, decimal commas, CRLF line ends. One figure per line, so the file
 * pivots as it is; a hidden figure has an empty {@code amount} and {@code 1} in {@code suppressed},
 * never a 0. README.md describes the columns.
 */
public final class ResultsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    static final List<String> COLUMNS = List.of("round_id", "group_by", "group", "group_name", "item_id", "item_text",
            "value", "value_label", "figure", "amount", "suppressed");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ResultsCsv() {
    }

    public static byte[] of(SurveyResults.Result result) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.toArray(String[]::new));
        for (SurveyResults.Row row : result.groups()) {
            row(csv, result, row, row.group(), row.name());
        }
        row(csv, result, result.total(), "total", "I alt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void row(StringBuilder csv, SurveyResults.Result result, SurveyResults.Row row, String group,
                            String name) {
        String[] at = {result.roundId(), result.groupBy().code(), group, name == null ? "" : name};
        figure(csv, at, null, null, "invited", row.invited(), row.suppressed().contains("invited"));
        figure(csv, at, null, null, "answered", row.answered(), row.suppressed().contains("answered"));
        figure(csv, at, null, null, "response_rate", row.responseRate(), row.suppressed().contains("responseRate"));
        for (SurveyResults.ItemResult item : row.items()) {
            figure(csv, at, item, null, "answers", item.answers(), item.suppressed().contains("answers"));
            for (SurveyResults.ValueCount value : item.distribution()) {
                figure(csv, at, item, value, "count", value.count(), value.count() == null);
            }
            if (item.type().numeric()) {
                figure(csv, at, item, null, "mean", item.mean(), item.suppressed().contains("mean"));
                figure(csv, at, item, null, "median", item.median(), item.suppressed().contains("median"));
            }
        }
    }

    private static void figure(StringBuilder csv, String[] at, SurveyResults.ItemResult item,
                               SurveyResults.ValueCount value, String figure, Object amount, boolean suppressed) {
        line(csv, at[0], at[1], at[2], at[3], item == null ? "" : item.itemId(), item == null ? "" : item.text(),
                value == null ? "" : value.value(), value == null ? "" : value.label(), figure,
                suppressed || amount == null ? "" : number(amount), suppressed ? "1" : "");
    }

    /** Danish notation: a decimal comma, no thousands separator. */
    static String number(Object amount) {
        if (amount instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', ',');
        }
        return amount.toString();
    }

    private static void line(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    /** Quoted when needed (RFC 4180); a text that Excel would take for a formula is made plain text. */
    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
