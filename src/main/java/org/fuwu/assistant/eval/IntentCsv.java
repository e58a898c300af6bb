package org.fuwu.assistant.eval;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads an intent dataset, CSV {@code text,category} with a header row, quoted cells per RFC 4180. */
public final class IntentCsv {

    public record Row(String text, String category) {
    }

    private IntentCsv() {
    }

    public static List<Row> read(Reader reader) throws IOException {
        List<List<String>> records = parse(reader);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        int text = header.indexOf("text");
        int category = header.indexOf("category");
        if (text < 0 || category < 0) {
            throw new IllegalArgumentException("the header names the columns text and category");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() <= Math.max(text, category)) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + r.size() + " cells");
            }
            String t = r.get(text).strip();
            String c = r.get(category).strip();
            if (t.isEmpty() || c.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has an empty text or category");
            }
            rows.add(new Row(t, c));
        }
        return rows;
    }

    /** Every record as its cells, the header included. */
    public static List<List<String>> records(Reader reader) throws IOException {
        return parse(reader);
    }

    static List<List<String>> parse(Reader reader) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        int first = reader.read();
        if (first != 0xFEFF && first != -1) {
            c = first;
        } else {
            c = first == -1 ? -1 : reader.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int next = reader.read();
                    if (next != '\n') {
                        record.add(cell.toString());
                        cell.setLength(0);
                        out.add(record);
                        record = new ArrayList<>();
                        any = false;
                        c = next;
                        continue;
                    }
                }
                record.add(cell.toString());
                cell.setLength(0);
                out.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
            c = reader.read();
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            out.add(record);
        }
        return out;
    }
}
