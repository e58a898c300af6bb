package org.fuwu.platform;

/**
 * The order in which the modules load the demo bank (profile {@code demo}): each module's loader is
 * an {@code ApplicationRunner} with {@code @Order(DemoData.X)}, and does nothing when its data is there.
 */
public final class DemoData {

    public static final int ORGANIZATION = 100;
    public static final int STAFF = 200;
    public static final int CUSTOMER = 300;
    public static final int CONTACT = 500;

    private DemoData() {
    }
}
