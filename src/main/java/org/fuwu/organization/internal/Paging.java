package org.fuwu.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fuwu.platform.FieldValidationException.FieldError;

/**
 * A page request: page from 0, size 1 to 200, and a sort such as {@code nameEn} or {@code code,desc}
 * over the fields a list allows.
 */
public record Paging(int page, int size, String sort) {

    public static final int MAX_SIZE = 200;

    /** The page's rows from the start of the list. */
    public int offset() {
        return page * size;
    }

    /** Checks the request and turns the sort into an SQL order by, from allowed columns only. */
    String orderBy(Map<String, String> columns) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "validation.Min"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "organization.validation.size", MAX_SIZE));
        }
        String order = "code";
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            String column = columns.get(parts[0].trim());
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
            if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(new FieldError("sort", "organization.validation.sort",
                        String.join(", ", columns.keySet().stream().sorted().toList())));
            } else {
                order = column + " " + direction + (column.equals("code") ? "" : ", code");
            }
        }
        OrganizationRules.throwIfAny(errors);
        return order;
    }

    /** One page of a list. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
