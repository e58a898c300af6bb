package org.fuwu.staff.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.security.FuwuSecurityProperties;
import org.fuwu.platform.security.LoginThrottledException;
import org.fuwu.platform.security.StaffPasswordLogin;
import org.fuwu.platform.web.Problems;
import org.fuwu.platform.web.RequestOrigin;
import org.fuwu.staff.internal.ApiTokenService;
import org.fuwu.staff.web.StaffViews.PageView;
import org.fuwu.staff.web.StaffViews.TokenView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for staff ({@code POST /api/v1/auth/token}) and API tokens for machine clients (ADMIN). */
@RestController
@Tag(name = "tokens", description = "Staff bearer tokens and machine API tokens")
class TokenApiController {

    record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {
    }

    record MachineTokenRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,99}") String name,
            @NotEmpty List<@NotNull @RoleName String> roles,
            @NotNull @Pattern(regexp = StaffApiController.LEVEL) String scopeLevel,
            @Size(max = 40) String scopeCode,
            OffsetDateTime expiresAt) {
    }

    private final StaffPasswordLogin login;
    private final ApiTokenService tokens;
    private final Problems problems;
    private final FuwuSecurityProperties security;
    private final Clock clock;

    TokenApiController(StaffPasswordLogin login, ApiTokenService tokens, Problems problems,
                       FuwuSecurityProperties security, Clock clock) {
        this.login = login;
        this.tokens = tokens;
        this.problems = problems;
        this.security = security;
        this.clock = clock;
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest r, HttpServletRequest request) {
        Authentication auth;
        try {
            auth = login.login(r.username(), r.password());
        } catch (LoginThrottledException e) {
            long minutes = Math.max(1, security.loginWindow().toMinutes());
            ProblemDetail p = problems.build(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "problem.rate-limited.detail", minutes);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(security.loginWindow().toSeconds())).body(p);
        } catch (AuthenticationException e) {
            ProblemDetail p = problems.build(request, HttpStatus.UNAUTHORIZED, "unauthorized", "staff.token.bad-credentials");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(p);
        }
        ApiTokenService.Issued issued = tokens.issueSession((StaffPrincipal) auth.getPrincipal(), RequestOrigin.current());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.value(), "Bearer", StaffViews.time(issued.token().expiresAt())));
    }

    @GetMapping("/api/v1/admin/tokens")
    PageView<TokenView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Instant now = clock.instant();
        return new PageView<>(tokens.machineTokens(page, size).stream().map(t -> TokenView.of(t, now, null)).toList(),
                page, size, tokens.machineTokenCount());
    }

    @PostMapping("/api/v1/admin/tokens")
    ResponseEntity<TokenView> create(@Valid @RequestBody MachineTokenRequest r) {
        ApiTokenService.Issued issued = tokens.createMachine(new ApiTokenService.MachineCommand(r.name(), r.roles(),
                r.scopeLevel(), r.scopeCode(), r.expiresAt() == null ? null : r.expiresAt().toInstant()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(TokenView.of(issued.token(), clock.instant(), issued.value()));
    }

    @PostMapping("/api/v1/admin/tokens/{id}/revoke")
    TokenView revoke(@PathVariable long id) {
        return TokenView.of(tokens.revoke(id), clock.instant(), null);
    }

    @DeleteMapping("/api/v1/admin/tokens/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
