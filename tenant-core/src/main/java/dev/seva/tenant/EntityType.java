package dev.seva.tenant;

/** The legal form of a business entity. */
public enum EntityType {
    /** Private limited company. */
    PRIVATE_LIMITED,
    /** Public limited company. */
    PUBLIC_LIMITED,
    /** One person company. */
    OPC,
    /** Limited liability partnership. */
    LLP,
    /** Partnership firm. */
    PARTNERSHIP,
    /** Sole proprietorship. */
    PROPRIETORSHIP,
    /** Trust. */
    TRUST,
    /** Society. */
    SOCIETY,
    /** Hindu undivided family. */
    HUF,
    /** An individual. */
    INDIVIDUAL
}
