/**
 * Spring Boot auto-configuration of the upbit component: {@code camel.component.upbit.*} properties
 * ({@link io.camelupbit.springboot.UpbitComponentConfiguration}), Micrometer meters
 * ({@link io.camelupbit.springboot.UpbitMeters}); the consumer health checks reach the actuator through
 * camel-spring-boot's own health indicator.
 */
package io.camelupbit.springboot;
