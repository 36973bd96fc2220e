package io.asyncstorefront.support;

import static io.restassured.RestAssured.given;

import java.util.Optional;

/** The service's metrics as a scraper reads them from /q/metrics (Prometheus text). */
public final class Metrics {

    private Metrics() {
    }

    /** Every line that /q/metrics serves. */
    public static String text() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the metric's first sample, whatever its tags, if the service serves it. */
    public static Optional<Double> value(String metric) {
        return text().lines().filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }
}
