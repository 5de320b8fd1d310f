package org.creamlab.experiment;

/** The type of a {@link Param}; decides how its text values are checked and read. */
public enum ParamType {
    STRING,
    INT,
    DOUBLE,
    BOOLEAN
}
