package io.camelupbit.wire;

/**
 * Upbit's response formats. The format applies to the whole connection, so one connection uses one format and every
 * request on it carries the same format object.
 */
public enum UpbitFormat {
    /** Full field names, one object per frame. */
    DEFAULT,
    /** Abbreviated field names, one object per frame. */
    SIMPLE,
    /** Full field names, an array of objects per frame. */
    JSON_LIST,
    /** Abbreviated field names, an array of objects per frame. */
    SIMPLE_LIST
}
