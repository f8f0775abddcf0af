package io.commercesync.sandbox;

/** Failures the sandbox org can inject into counted API calls. */
public enum Fault {
    /** 503 with an HTML body "Service Unavailable" (as Salesforce's edge answers during maintenance). */
    SERVICE_UNAVAILABLE,
    /** 400 {@code [{"message":"unable to obtain exclusive access to this record or 1 records: <id>","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]}. */
    UNABLE_TO_LOCK_ROW,
    /** 403 {@code [{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]}. */
    REQUEST_LIMIT_EXCEEDED,
    /** 401 {@code [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]}; the token used is invalidated. */
    INVALID_SESSION_ID
}
