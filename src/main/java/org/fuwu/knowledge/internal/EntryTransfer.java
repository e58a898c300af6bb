package org.fuwu.knowledge.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fuwu.knowledge.internal.EntryRules.EntryInput;
import org.fuwu.knowledge.internal.KnowledgeService.ImportRow;
import org.fuwu.knowledge.internal.KnowledgeStore.EntryRow;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.web.Csv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The knowledge base as a file and back: CSV (RFC 4180, UTF-8 with a byte-order mark so that a spreadsheet reads
 * Chinese, cells guarded against formulas), JSON (an array of objects) and XLSX (one sheet, Apache POI). One column
 * per field; in CSV and XLSX the similar questions are one per line of their cell, products and channels separated
 * by commas. An export carries each entry's id, status and live version; an import reads the id (blank: a new
 * entry) and ignores status and live version: what it writes is always a draft, reviewed before it goes live.
 */
public final class EntryTransfer {

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), JSON("application/json", "json"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The format of a name such as {@code csv} or a file name such as {@code faq.xlsx}; 422 when none. */
        public static Format of(String name) {
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.equals(f.extension) || n.endsWith("." + f.extension)) {
                    return f;
                }
            }
            throw FieldValidationException.of("format", "knowledge.validation.format");
        }
    }

    public static final List<String> COLUMNS = List.of("id", "language", "kind", "category", "question", "similarQuestions",
            "answerHtml", "products", "channels", "validFrom", "validUntil", "owner", "status", "liveVersion");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryTransfer() {
    }

    // export

    public static byte[] export(List<EntryRow> entries, Format format) {
        List<Map<String, String>> rows = entries.stream().map(EntryTransfer::cells).toList();
        return switch (format) {
            case CSV -> csv(rows);
            case JSON -> json(entries);
            case XLSX -> xlsx(rows);
        };
    }

    private static Map<String, String> cells(EntryRow e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", Long.toString(e.id()));
        m.put("language", e.language());
        m.put("kind", e.kind());
        m.put("category", e.category() == null ? "" : e.category());
        m.put("question", e.question());
        m.put("similarQuestions", String.join("\n", e.similarQuestions()));
        m.put("answerHtml", e.answerHtml());
        m.put("products", String.join(",", e.products()));
        m.put("channels", String.join(",", e.channels()));
        m.put("validFrom", e.validFrom() == null ? "" : e.validFrom().toString());
        m.put("validUntil", e.validUntil() == null ? "" : e.validUntil().toString());
        m.put("owner", e.owner());
        m.put("status", e.status());
        m.put("liveVersion", e.liveVersion() == null ? "" : e.liveVersion().toString());
        return m;
    }

    private static byte[] csv(List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, String> r : rows) {
            out.append(String.join(",", COLUMNS.stream().map(c -> Csv.cell(r.get(c))).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(List<EntryRow> entries) {
        ArrayNode array = JSON.createArrayNode();
        for (EntryRow e : entries) {
            ObjectNode o = array.addObject();
            o.put("id", e.id());
            o.put("language", e.language());
            o.put("kind", e.kind());
            o.put("category", e.category());
            o.put("question", e.question());
            e.similarQuestions().forEach(o.putArray("similarQuestions")::add);
            if (e.similarQuestions().isEmpty()) {
                o.putArray("similarQuestions");
            }
            o.put("answerHtml", e.answerHtml());
            ArrayNode products = o.putArray("products");
            e.products().forEach(products::add);
            ArrayNode channels = o.putArray("channels");
            e.channels().forEach(channels::add);
            o.put("validFrom", e.validFrom() == null ? null : e.validFrom().toString());
            o.put("validUntil", e.validUntil() == null ? null : e.validUntil().toString());
            o.put("owner", e.owner());
            o.put("status", e.status());
            if (e.liveVersion() == null) {
                o.putNull("liveVersion");
            } else {
                o.put("liveVersion", e.liveVersion());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(array);
    }

    private static byte[] xlsx(List<Map<String, String>> rows) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("entries");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    // a string cell is never a formula, whatever its first character
                    row.createCell(c, CellType.STRING).setCellValue(rows.get(r).get(COLUMNS.get(c)));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // import

    /** Reads the rows of a file; a file that cannot be read, or a cell of the wrong type, is answered by row and field. */
    public static List<ImportRow> read(byte[] data, Format format) {
        List<Map<String, String>> rows = switch (format) {
            case CSV -> readCsv(new String(data, StandardCharsets.UTF_8));
            case JSON -> readJson(data);
            case XLSX -> readXlsx(data);
        };
        List<FieldError> errors = new ArrayList<>();
        List<ImportRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            if (r.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue; // a blank line; rows keep their number in the file (the first after the header is 1)
            }
            String prefix = "rows[" + (i + 1) + "].";
            Long id = null;
            String rawId = r.getOrDefault("id", "");
            if (!rawId.isBlank()) {
                try {
                    id = Long.parseLong(rawId.strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(prefix + "id", "knowledge.validation.importId"));
                }
            }
            LocalDate from = date(r.get("validFrom"), prefix + "validFrom", errors);
            LocalDate until = date(r.get("validUntil"), prefix + "validUntil", errors);
            out.add(new ImportRow(i + 1, id, new EntryInput(r.get("kind"), r.get("language"), r.get("category"), r.get("question"),
                    EntryRules.split(r.get("similarQuestions"), "[\\r\\n]+"), r.get("answerHtml"),
                    EntryRules.split(r.get("products"), "[,，\\s]+"), EntryRules.split(r.get("channels"), "[,，\\s]+"),
                    from, until, r.get("owner"))));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        return out;
    }

    private static LocalDate date(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "knowledge.validation.date"));
            return null;
        }
    }

    private static List<Map<String, String>> table(List<List<String>> lines) {
        if (lines.isEmpty()) {
            throw FieldValidationException.of("file", "knowledge.validation.emptyImport");
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        if (!header.contains("question")) {
            throw FieldValidationException.of("file", "knowledge.validation.header", String.join(", ", COLUMNS));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < line.size(); c++) {
                m.put(header.get(c), unguard(line.get(c)));
            }
            rows.add(m);
        }
        return rows;
    }

    /** Undoes the guard an export put before a cell that would start a formula ({@link Csv#cell}). */
    static String unguard(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw FieldValidationException.of("file", "knowledge.validation.csv", lines.size() + 1);
        }
        if (any) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    private static List<Map<String, String>> readCsv(String text) {
        return table(parseCsv(text));
    }

    private static List<Map<String, String>> readJson(byte[] data) {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (RuntimeException e) {
            throw FieldValidationException.of("file", "knowledge.validation.json");
        }
        if (root == null || !root.isArray()) {
            throw FieldValidationException.of("file", "knowledge.validation.json");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode o : root) {
            if (!o.isObject()) {
                throw FieldValidationException.of("rows[" + (rows.size() + 1) + "]", "knowledge.validation.json");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String c : COLUMNS) {
                JsonNode v = o.get(c);
                if (v == null || v.isNull()) {
                    continue;
                }
                if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(x -> items.add(x.asString()));
                    m.put(c, String.join(c.equals("similarQuestions") ? "\n" : ",", items));
                } else {
                    m.put(c, v.asString());
                }
            }
            rows.add(m);
        }
        if (rows.isEmpty()) {
            throw FieldValidationException.of("file", "knowledge.validation.emptyImport");
        }
        return rows;
    }

    private static List<Map<String, String>> readXlsx(byte[] data) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> lines = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(data))) {
            Sheet sheet = wb.getSheetAt(0);
            int width = 0;
            for (Row row : sheet) {
                List<String> line = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), width);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        line.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        line.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else if (cell.getCellType() == CellType.FORMULA) {
                        line.add(cell.getCellFormula().isEmpty() ? "" : "=" + cell.getCellFormula());
                    } else {
                        line.add(formatter.formatCellValue(cell));
                    }
                }
                while (lines.size() < row.getRowNum()) {
                    lines.add(List.of());
                }
                if (lines.isEmpty()) {
                    width = line.size();
                }
                lines.add(line);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldValidationException f) {
                throw f;
            }
            throw FieldValidationException.of("file", "knowledge.validation.xlsx");
        }
        return table(lines);
    }
}
