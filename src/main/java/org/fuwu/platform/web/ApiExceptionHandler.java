package org.fuwu.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a problem (API) or a friendly localised error page (UI). Never a stack
 * trace; an unexpected failure is logged with its trace id and answered 500.
 */
@ControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final AuditLog audit;

    ApiExceptionHandler(Problems problems, AuditLog audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest req, HttpServletResponse res) {
        String entity = problems.message(req, "entity." + e.entity());
        return answer(req, res, problems.build(req, HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail", entity, e.key()));
    }

    @ExceptionHandler({NoResourceFoundException.class})
    Object noResource(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return answer(req, res, problems.build(req, HttpStatus.NOT_FOUND, "not-found", "problem.no-such-path.detail", req.getRequestURI()));
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest req, HttpServletResponse res) {
        return answer(req, res, problems.build(req, HttpStatus.CONFLICT, "conflict", e.messageKey(), e.args()));
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    Object integrity(Exception e, HttpServletRequest req, HttpServletResponse res) {
        log.info("state conflict on {}: {}", req.getRequestURI(), e.getClass().getSimpleName());
        return answer(req, res, problems.build(req, HttpStatus.CONFLICT, "conflict", "problem.conflict.concurrent"));
    }

    @ExceptionHandler(FieldValidationException.class)
    Object fields(FieldValidationException e, HttpServletRequest req, HttpServletResponse res) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldValidationException.FieldError f : e.errors()) {
            errors.add(Map.of("field", f.field(), "message", problems.message(req, f.messageKey(), f.args())));
        }
        ProblemDetail p = problems.build(req, HttpStatus.UNPROCESSABLE_CONTENT, "validation", "problem.validation.detail",
                String.join(", ", e.errors().stream().map(FieldValidationException.FieldError::field).toList()));
        return answer(req, res, problems.withFieldErrors(p, errors));
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest req, HttpServletResponse res) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getFieldErrors()) {
            errors.add(Map.of("field", f.getField(), "message", problems.message(req, "validation." + f.getCode(),
                    f.getArguments() == null ? new Object[0] : java.util.Arrays.copyOfRange(f.getArguments(), Math.min(1, f.getArguments().length), f.getArguments().length))));
        }
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail",
                String.join(", ", e.getFieldErrors().stream().map(FieldError::getField).toList()));
        return answer(req, res, problems.withFieldErrors(p, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object methodValidation(HandlerMethodValidationException e, HttpServletRequest req, HttpServletResponse res) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName(),
                "message", problems.message(req, "validation." + (err.getCodes() == null ? "invalid" : last(err.getCodes())))))));
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail",
                String.join(", ", errors.stream().map(m -> m.get("field")).toList()));
        return answer(req, res, problems.withFieldErrors(p, errors));
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    Object constraints(jakarta.validation.ConstraintViolationException e, HttpServletRequest req, HttpServletResponse res) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (var v : e.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            errors.add(Map.of("field", field, "message", problems.message(req, "validation." + code)));
        }
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail",
                String.join(", ", errors.stream().map(m -> m.get("field")).toList()));
        return answer(req, res, problems.withFieldErrors(p, errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest req, HttpServletResponse res) {
        return answer(req, res, problems.build(req, HttpStatus.BAD_REQUEST, "malformed", "problem.malformed.detail"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req, HttpServletResponse res) {
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail", e.getName());
        return answer(req, res, problems.withFieldErrors(p, List.of(Map.of("field", e.getName(),
                "message", problems.message(req, "validation.typeMismatch")))));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    Object missing(Exception e, HttpServletRequest req, HttpServletResponse res) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail", name);
        return answer(req, res, problems.withFieldErrors(p, List.of(Map.of("field", name,
                "message", problems.message(req, "validation.NotNull")))));
    }

    /** An upload over the configured size (spring.servlet.multipart.*): 413 naming the part, never a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest req, HttpServletResponse res) {
        ProblemDetail p = problems.build(req, HttpStatus.CONTENT_TOO_LARGE, "validation", "problem.validation.detail", "file");
        return answer(req, res, problems.withFieldErrors(p, List.of(Map.of("field", "file",
                "message", problems.message(req, "problem.upload.tooLarge")))));
    }

    /** A request that says multipart but is not (or lacks the part): 400 naming it. */
    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    Object badMultipart(Exception e, HttpServletRequest req, HttpServletResponse res) {
        String name = e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException m
                ? m.getRequestPartName() : "file";
        ProblemDetail p = problems.build(req, HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail", name);
        return answer(req, res, problems.withFieldErrors(p, List.of(Map.of("field", name,
                "message", problems.message(req, "validation.NotNull")))));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest req, HttpServletResponse res) {
        return answer(req, res, problems.build(req, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "problem.method-not-allowed.detail", e.getMethod()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req, HttpServletResponse res) {
        return answer(req, res, problems.build(req, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "problem.unsupported-media-type.detail", String.valueOf(e.getContentType())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest req, HttpServletResponse res) {
        audit.record("access.denied", req.getMethod() + " " + req.getRequestURI(), AuditLog.Outcome.DENIED, Map.of());
        return answer(req, res, problems.build(req, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail"));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest req, HttpServletResponse res) {
        log.error("unexpected failure, trace {}", TraceIdFilter.of(req), e);
        return answer(req, res, problems.build(req, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal.detail",
                TraceIdFilter.of(req)));
    }

    private Object answer(HttpServletRequest req, HttpServletResponse res, ProblemDetail p) {
        if (!Problems.wantsHtml(req)) {
            return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        res.setStatus(p.getStatus());
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(HttpStatus.valueOf(p.getStatus()));
        mv.addObject("problem", p);
        return mv;
    }

    private static String last(String[] codes) {
        return codes[codes.length - 1];
    }
}
