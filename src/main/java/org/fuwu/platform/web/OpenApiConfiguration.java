package org.fuwu.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: bearer tokens, or the staff session cookie from the browser. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI fuwuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Fuwu API").version("v1")
                        .description("""
                                The REST API of Fuwu (服务), the bank's customer-service platform. Errors are RFC 9457 \
                                problem JSON with a stable type (urn:fuwu:problem:*), a localised detail and a trace id. \
                                Machine clients send `Authorization: Bearer <token>`: an API token created by an admin, or \
                                a short-lived staff token from POST /api/v1/auth/token.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("FUWU_SESSION")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
