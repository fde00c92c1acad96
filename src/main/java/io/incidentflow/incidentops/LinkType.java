package io.incidentflow.incidentops;

/**
 * How one incident relates to another, read "from TYPE to": INC-2 DUPLICATE_OF INC-1. A merge leaves
 * DUPLICATE_OF, a split SPLIT_FROM (which only a split creates).
 */
public enum LinkType {
    RELATES_TO, DUPLICATE_OF, CAUSED_BY, SPLIT_FROM
}
