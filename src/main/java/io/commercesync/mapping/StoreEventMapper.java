package io.commercesync.mapping;

import io.commercesync.model.CommerceEvent;

/** One store platform's payloads to canonical events, chosen by the event's topic. */
public interface StoreEventMapper {

    /** @throws MappingException when the payload cannot become an event (permanent: dead-lettered) */
    CommerceEvent toEvent(byte[] body, CommerceEvent.Origin origin);
}
