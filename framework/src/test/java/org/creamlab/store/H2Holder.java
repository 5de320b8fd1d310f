package org.creamlab.store;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another program holding an H2 file, for {@link StoreFaultsTest}: opens the URL it is given
 * (without AUTO_SERVER, as an H2 console or a database tool would), says {@code holding}, and keeps
 * the file until its standard input closes.
 */
public final class H2Holder {

    private H2Holder() {}

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
