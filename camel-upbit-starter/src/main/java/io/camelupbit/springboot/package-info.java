/**
 * Spring Boot auto-configuration of the upbit component: {@code camel.component.upbit.*} properties
 * ({@link io.camelupbit.springboot.UpbitComponentConfiguration}), Micrometer meters
 * ({@link io.camelupbit.metrics.UpbitMeters}, the binder plain Camel and Camel Main use too); the consumer health checks reach the actuator through
 * camel-spring-boot's own health indicator.
 */
package io.camelupbit.springboot;
