package org.fuwu.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fuwu.organization.Branches;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.web.Csv;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Hotspot analysis (root cause, 溯源整改) and the regulator's statistics over complaints (and complaints forwarded
 * by the regulator) received in a period: top causes, root causes, products (business types) and branches with their
 * change against the previous period, the repeat-complaint rate ({@link RepeatComplaintPolicy}), a trend over the
 * last periods; and the periodic report by business type × cause × channel × region as CSV or XLSX (audited).
 */
@Service
public class CaseStatistics {

    static final int TOP = 10;
    static final int TREND_PERIODS = 6;

    /** One row of a top list: its key, names, count now and in the previous period, and the change (null from 0). */
    public record Item(String key, String nameZh, String nameEn, int count, int previous, Double change) {
    }

    /** One period of the trend. */
    public record TrendPoint(LocalDate first, LocalDate last, int complaints, int repeats, double repeatRate) {
    }

    public record Hotspots(String granularity, LocalDate first, LocalDate last, LocalDate previousFirst, LocalDate previousLast,
                           int complaints, int previousComplaints, Double change, int repeatWindowDays,
                           RepeatComplaintPolicy.Rate repeat, RepeatComplaintPolicy.Rate previousRepeat, List<Item> causes,
                           List<Item> rootCauses, List<Item> products, List<Item> branches, List<TrendPoint> trend) {
    }

    /** One line of the regulator's report, with the codes' names. */
    public record ReportLine(String businessCode, String businessName, String causeCode, String causeName, String channel,
                             String regionCode, int received, int closed) {
    }

    private final InsightStore store;
    private final Branches branches;
    private final AuditLog audit;
    private final ZoneId zone;
    private final RepeatComplaintPolicy repeats;

    CaseStatistics(InsightStore store, Branches branches, AuditLog audit, @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone,
                   @Value("${fuwu.cases.repeat-window:P30D}") Duration repeatWindow) {
        this.store = store;
        this.branches = branches;
        this.audit = audit;
        this.zone = zone;
        this.repeats = new RepeatComplaintPolicy(repeatWindow);
    }

    RepeatComplaintPolicy.Rate repeatRate(ReportPeriod p) {
        var all = store.complaintsForRepeats(p.from(zone).minus(repeats.window()), p.to(zone));
        return repeats.rate(all, p.from(zone), p.to(zone));
    }

    public Hotspots hotspots(String granularity, LocalDate day) {
        ReportPeriod p = ReportPeriod.of(granularity, day);
        ReportPeriod prev = p.previous();
        var now = repeatRate(p);
        var before = repeatRate(prev);
        List<TrendPoint> trend = new ArrayList<>();
        ReportPeriod t = p;
        for (int i = 0; i < TREND_PERIODS; i++) {
            var r = i == 0 ? now : i == 1 ? before : repeatRate(t);
            trend.add(0, new TrendPoint(t.first(), t.last(), r.complaints(), r.repeats(), r.rate()));
            t = t.previous();
        }
        return new Hotspots(p.granularity(), p.first(), p.last(), prev.first(), prev.last(), now.complaints(), before.complaints(),
                ReportPeriod.change(now.complaints(), before.complaints()), (int) repeats.window().toDays(), now, before,
                top("cause_code", "CAUSE", p, prev), top("root_cause_code", "ROOT", p, prev), top("business_code", "BUSINESS", p, prev),
                top("branch_code", null, p, prev), trend);
    }

    private List<Item> top(String column, String kind, ReportPeriod p, ReportPeriod prev) {
        Map<String, Integer> before = store.complaintsBy(column, prev.from(zone), prev.to(zone)).stream()
                .collect(Collectors.toMap(InsightStore.Count::key, InsightStore.Count::count));
        return store.complaintsBy(column, p.from(zone), p.to(zone)).stream().limit(TOP).map(c -> {
            String[] names = names(kind, c.key());
            int b = before.getOrDefault(c.key(), 0);
            return new Item(c.key(), names[0], names[1], c.count(), b, ReportPeriod.change(c.count(), b));
        }).toList();
    }

    private String[] names(String kind, String key) {
        if (key.equals("-")) {
            return new String[]{"未分类", "Unclassified"};
        }
        if (kind == null) {
            return branches.find(key).map(b -> new String[]{b.nameZh(), b.nameEn()}).orElse(new String[]{key, key});
        }
        return store.codeNames(kind, key).orElse(new String[]{key, key});
    }

    public List<ReportLine> regulatorLines(ReportPeriod p, boolean zh) {
        return store.regulatorCells(p.from(zone), p.to(zone)).stream().map(c -> {
            String[] b = names("BUSINESS", c.businessCode());
            String[] k = names("CAUSE", c.causeCode());
            return new ReportLine(c.businessCode(), zh ? b[0] : b[1], c.causeCode(), zh ? k[0] : k[1], c.channel(), c.regionCode(),
                    c.received(), c.closed());
        }).toList();
    }

    static final List<String> HEADER_EN = List.of("business code", "business type", "cause code", "cause", "channel", "region",
            "received", "closed");
    static final List<String> HEADER_ZH = List.of("业务类别代码", "业务类别", "投诉原因代码", "投诉原因", "投诉渠道", "地区",
            "受理件数", "办结件数");

    private static List<Function<ReportLine, Object>> columns() {
        return List.of(ReportLine::businessCode, ReportLine::businessName, ReportLine::causeCode, ReportLine::causeName,
                ReportLine::channel, ReportLine::regionCode, ReportLine::received, ReportLine::closed);
    }

    /** The regulator's report as CSV (UTF-8 with a byte-order mark, so spreadsheets read the Chinese names); audited. */
    public byte[] regulatorCsv(String granularity, LocalDate day, boolean zh) {
        ReportPeriod p = ReportPeriod.of(granularity, day);
        List<ReportLine> lines = regulatorLines(p, zh);
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", (zh ? HEADER_ZH : HEADER_EN).stream().map(Csv::cell).toList())).append("\r\n");
        for (ReportLine l : lines) {
            sb.append(String.join(",", columns().stream().map(f -> Csv.cell(f.apply(l))).toList())).append("\r\n");
        }
        exported("csv", p, lines.size());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The regulator's report as an XLSX workbook with one sheet; audited. */
    public byte[] regulatorXlsx(String granularity, LocalDate day, boolean zh) {
        ReportPeriod p = ReportPeriod.of(granularity, day);
        List<ReportLine> lines = regulatorLines(p, zh);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(p.first() + "_" + p.last());
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue((zh ? "金融消费者投诉统计 " : "Consumer complaints statistics ") + p.first() + " – " + p.last());
            Row header = sheet.createRow(1);
            List<String> h = zh ? HEADER_ZH : HEADER_EN;
            for (int i = 0; i < h.size(); i++) {
                header.createCell(i).setCellValue(h.get(i));
            }
            int r = 2;
            for (ReportLine l : lines) {
                Row row = sheet.createRow(r++);
                var cols = columns();
                for (int i = 0; i < cols.size(); i++) {
                    Object v = cols.get(i).apply(l);
                    if (v instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            exported("xlsx", p, lines.size());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exported(String format, ReportPeriod p, int lines) {
        audit.success("cases.report.regulator.export", "cases:regulator-report", Map.of("format", format, "from",
                p.first().toString(), "to", p.last().toString(), "lines", String.valueOf(lines)));
    }
}
