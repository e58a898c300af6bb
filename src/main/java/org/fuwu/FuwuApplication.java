package org.fuwu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fuwu (服务): the bank's customer-service platform, one Spring Boot modular monolith. */
@SpringBootApplication
@Modulithic(systemName = "Fuwu", sharedModules = "platform")
@EnableScheduling
public class FuwuApplication {

    public static void main(String[] args) {
        SpringApplication.run(FuwuApplication.class, args);
    }
}
