package org.fuwu.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Answers errors that happen outside Spring MVC (the container's error dispatch): problem JSON or an error page. */
@Controller
class FuwuErrorController implements ErrorController {

    private final Problems problems;

    FuwuErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest req, HttpServletResponse res) {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String name = switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case BAD_REQUEST -> "malformed";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> status.is5xxServerError() ? "internal" : "client-error";
        };
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detailKey = status == HttpStatus.NOT_FOUND ? "problem.no-such-path.detail" : "problem." + name + ".detail";
        ProblemDetail p = problems.build(req, status, name, detailKey, status.is5xxServerError() ? TraceIdFilter.of(req) : uri);
        if (uri != null) {
            p.setInstance(java.net.URI.create(uri.toString()));
        }
        boolean api = uri != null && uri.toString().startsWith(req.getContextPath() + "/api/");
        if (api || !Problems.wantsHtml(req)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        res.setStatus(status.value());
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("problem", p);
        return mv;
    }
}
