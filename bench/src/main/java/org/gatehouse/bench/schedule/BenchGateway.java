package org.gatehouse.bench.schedule;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;

/**
 * The parts of a gateway around the scheduler that the benchmark does not measure: definitions that know every
 * {@code ds-*} dataset, a refresh engine that reports when it was asked and refreshes nothing, a delivery that
 * discards. The scheduler, its Quartz job store and the schedules on the gateway store are the real ones.
 */
final class BenchGateway {

    static final String DATASET_PREFIX = "ds-";

    private BenchGateway() {
    }

    static GatewayDefinitions definitions() {
        return proxy(GatewayDefinitions.class, (method, args) -> switch (method) {
            case "dataset" -> ((String) args[0]).startsWith(DATASET_PREFIX)
                    ? Optional.of(new DatasetInfo((String) args[0], List.of())) : Optional.empty();
            case "datasets", "dataSources" -> List.of();
            case "dataSource" -> Optional.empty();
            default -> throw new UnsupportedOperationException(method);
        });
    }

    /** @param started told the dataset of each refresh the scheduler starts, on the refresh's thread */
    static RefreshService refreshes(java.util.function.Consumer<String> started) {
        return proxy(RefreshService.class, (method, args) -> switch (method) {
            case "refresh" -> {
                RefreshRequest request = (RefreshRequest) args[0];
                started.accept(request.dataset());
                yield new RefreshOutcome(request.dataset(), 0, 0, Duration.ZERO);
            }
            case "datasets" -> List.of();
            case "cancel" -> false;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    static ResultDelivery discardingDelivery() {
        ResultDelivery.Delivery discard = proxy(ResultDelivery.Delivery.class, (method, args) -> null);
        return proxy(ResultDelivery.class, (method, args) -> switch (method) {
            case "defaultAddress" -> "gatehouse.bench.results";
            case "open" -> discard;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "bench " + type.getSimpleName();
                default:
                    return handler.handle(method.getName(), args);
            }
        });
    }
}
