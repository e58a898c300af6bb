package org.fuwu.corebanking.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.corebanking.CoreBanking;
import org.fuwu.platform.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which {@link CoreBanking} runs ({@code fuwu.corebanking.mode}): {@code demo} (the embedded default: made-up
 * products derived from the customer number, clearly not a bank's) or {@code http} (the bank's core API:
 * {@code GET {url}/customers/{customerNumber}/products} with a bearer token, answering
 * {@code [{"kind","name","number","currency","balance","status"}]}; numbers are masked on arrival).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoreBankingConfiguration.Properties.class)
class CoreBankingConfiguration {

    @ConfigurationProperties("fuwu.corebanking")
    record Properties(@DefaultValue("demo") String mode, String url, String token, @DefaultValue("3s") Duration timeout) {
    }

    @Bean
    CoreBanking coreBanking(Properties p) {
        if ("http".equalsIgnoreCase(p.mode())) {
            if (p.url() == null || p.url().isBlank()) {
                throw new IllegalStateException("fuwu.corebanking.mode=http needs fuwu.corebanking.url");
            }
            return new HttpCoreBanking(p);
        }
        LoggerFactory.getLogger(CoreBankingConfiguration.class).warn(
                "core banking: DEMO products (fuwu.corebanking.mode=demo): made-up accounts, not a bank's data; "
                        + "set mode=http and fuwu.corebanking.url for the bank's core system");
        return new DemoCoreBanking();
    }

    /** The demo bank's core system: two to four products per customer, the same every time for one customer. */
    static final class DemoCoreBanking implements CoreBanking {

        @Override
        public List<Product> products(String customerNumber) {
            int seed = Math.abs(customerNumber.hashCode());
            List<Product> out = new ArrayList<>();
            String digits = String.format("%012d", seed % 1_000_000_000_000L);
            out.add(new Product("DEPOSIT", "活期储蓄 Current savings", Masking.cardNumber("6222" + digits + "01"), "CNY",
                    BigDecimal.valueOf(seed % 500_000, 2).add(BigDecimal.valueOf(1000)), "ACTIVE"));
            out.add(new Product("CARD", "借记卡 Debit card", Masking.cardNumber("6228" + digits + "02"), "CNY", null,
                    seed % 7 == 0 ? "BLOCKED" : "ACTIVE"));
            if (seed % 3 == 0) {
                out.add(new Product("LOAN", "个人住房贷款 Home loan", Masking.cardNumber("8801" + digits + "03"), "CNY",
                        BigDecimal.valueOf(seed % 90_000_000, 2).add(BigDecimal.valueOf(200_000)), "ACTIVE"));
            }
            if (seed % 2 == 0) {
                out.add(new Product("WEALTH", "稳健理财 Steady wealth", Masking.cardNumber("9901" + digits + "04"), "CNY",
                        BigDecimal.valueOf(seed % 30_000_000, 2), "ACTIVE"));
            }
            return out;
        }
    }

    /** The bank's core API over HTTP. A failure gives no products (the workstation says so), never an error page. */
    static final class HttpCoreBanking implements CoreBanking {

        private static final Logger log = LoggerFactory.getLogger(HttpCoreBanking.class);
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final Properties p;
        private final HttpClient http;

        HttpCoreBanking(Properties p) {
            this.p = p;
            this.http = HttpClient.newBuilder().connectTimeout(p.timeout()).build();
        }

        @Override
        public List<Product> products(String customerNumber) {
            try {
                var req = HttpRequest.newBuilder(URI.create(p.url() + "/customers/"
                        + URLEncoder.encode(customerNumber, StandardCharsets.UTF_8) + "/products")).timeout(p.timeout()).GET();
                if (p.token() != null && !p.token().isBlank()) {
                    req.header("Authorization", "Bearer " + p.token());
                }
                HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 404) {
                    return List.of();
                }
                if (r.statusCode() != 200) {
                    log.warn("core banking: HTTP {} for a products request", r.statusCode());
                    return List.of();
                }
                List<Product> out = new ArrayList<>();
                for (JsonNode n : JSON.readTree(r.body())) {
                    String number = n.path("number").asString("");
                    out.add(new Product(n.path("kind").asString("DEPOSIT"), n.path("name").asString(""),
                            number.length() >= 12 ? Masking.cardNumber(number) : Masking.opaque(number),
                            n.path("currency").asString("CNY"),
                            n.hasNonNull("balance") ? new BigDecimal(n.get("balance").asString()) : null,
                            n.path("status").asString("ACTIVE")));
                }
                return out;
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("core banking unreachable: {}", e.getClass().getSimpleName());
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }
}
