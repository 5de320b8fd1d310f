package org.creamlab.experiment;

/** A parameter value that its declaration does not accept; raised before any run starts. */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}
