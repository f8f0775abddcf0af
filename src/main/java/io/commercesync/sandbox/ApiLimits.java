package io.commercesync.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Daily API request accounting: every request under {@code /services/data/vNN.N/} counts one call
 * (a composite request counts one), every such response carries {@code Sforce-Limit-Info}, and once
 * the calls of the last 24 hours (rolling, per minute) reach the allocation, calls are refused with
 * 403 REQUEST_LIMIT_EXCEEDED.
 */
final class ApiLimits {

    static final String HEADER = "Sforce-Limit-Info";

    private final long dailyMax;
    private final Clock clock;
    /** Calls per minute over the last 24 hours (rolling window), oldest first: {minute, count}. */
    private final Deque<long[]> window = new ArrayDeque<>();
    private long inWindow;
    private long total;
    private long publishedEvents;

    ApiLimits(long dailyMax, Clock clock) {
        this.dailyMax = dailyMax;
        this.clock = clock;
    }

    /** Counts one call, or throws REQUEST_LIMIT_EXCEEDED (not counted) when the last 24 h used the allocation up. */
    synchronized void count() {
        long minute = prune();
        if (inWindow >= dailyMax) {
            throw ApiErrors.requestLimitExceeded();
        }
        if (window.isEmpty() || window.peekLast()[0] != minute) {
            window.addLast(new long[] {minute, 0});
        }
        window.peekLast()[1]++;
        inWindow++;
        total++;
    }

    /** Drops minutes older than 24 h; returns the current minute. */
    private long prune() {
        long minute = clock.millis() / 60_000;
        while (!window.isEmpty() && window.peekFirst()[0] <= minute - 24 * 60) {
            inWindow -= window.pollFirst()[1];
        }
        return minute;
    }

    /** All calls counted since start or reset. */
    synchronized long used() {
        return total;
    }

    /** Calls counted in the rolling 24-hour window (what Sforce-Limit-Info and /limits report). */
    synchronized long usedToday() {
        prune();
        return inWindow;
    }

    long max() {
        return dailyMax;
    }

    synchronized void eventPublished() {
        publishedEvents++;
    }

    synchronized String headerValue() {
        return "api-usage=" + usedToday() + "/" + dailyMax;
    }

    synchronized void reset() {
        window.clear();
        inWindow = 0;
        total = 0;
        publishedEvents = 0;
    }

    /** The {@code /limits/} resource body (DailyApiRequests is live; the rest are dev-org allocations). */
    synchronized Map<String, Object> limitsBody() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ConcurrentAsyncGetReportInstances", usage(200, 200));
        out.put("ConcurrentSyncReportRuns", usage(20, 20));
        out.put("DailyApiRequests", usage(dailyMax, Math.max(0, dailyMax - usedToday())));
        out.put("DailyAsyncApexExecutions", usage(250000, 250000));
        out.put("DailyBulkApiBatches", usage(15000, 15000));
        out.put("DailyBulkV2QueryFileStorageMB", usage(976562, 976562));
        out.put("DailyBulkV2QueryJobs", usage(10000, 10000));
        out.put("DailyDurableGenericStreamingApiEvents", usage(10000, 10000));
        out.put("DailyDurableStreamingApiEvents", usage(10000, 10000));
        out.put("DailyGenericStreamingApiEvents", usage(10000, 10000));
        out.put("DailyStandardVolumePlatformEvents", usage(10000, 10000));
        out.put("DailyStreamingApiEvents", usage(10000, 10000));
        out.put("DailyWorkflowEmails", usage(390, 390));
        out.put("DataStorageMB", usage(5, 5));
        out.put("DurableStreamingApiConcurrentClients", usage(20, 20));
        out.put("FileStorageMB", usage(20, 20));
        out.put("HourlyAsyncReportRuns", usage(1200, 1200));
        out.put("HourlyDashboardRefreshes", usage(200, 200));
        out.put("HourlyDashboardResults", usage(5000, 5000));
        out.put("HourlyDashboardStatuses", usage(999999999, 999999999));
        out.put("HourlyLongTermIdMapping", usage(100000, 100000));
        out.put("HourlyODataCallout", usage(10000, 10000));
        out.put("HourlyPublishedPlatformEvents", usage(50000, Math.max(0, 50000 - publishedEvents)));
        out.put("HourlyPublishedStandardVolumePlatformEvents", usage(1000, 1000));
        out.put("HourlyShortTermIdMapping", usage(100000, 100000));
        out.put("HourlySyncReportRuns", usage(500, 500));
        out.put("HourlyTimeBasedWorkflow", usage(50, 50));
        out.put("MassEmail", usage(10, 10));
        out.put("MonthlyPlatformEventsUsageEntitlement", usage(300000, Math.max(0, 300000 - publishedEvents)));
        out.put("SingleEmail", usage(15, 15));
        return out;
    }

    private static Map<String, Object> usage(long max, long remaining) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Max", max);
        u.put("Remaining", remaining);
        return u;
    }
}
