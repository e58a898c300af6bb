package org.fuwu.platform.web;

/** CSV cells per RFC 4180, made safe against formula injection when a spreadsheet opens the file. */
public final class Csv {

    private Csv() {
    }

    /** One cell: quoted when needed, and prefixed with {@code '} when it would start a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
