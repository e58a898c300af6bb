package org.fuwu.contact.internal;

/**
 * The port to the bank's telephony platform (PBX, ACD, IVR): the commands an agent's softphone panel gives.
 * The platform answers each by posting the matching call event to the CTI API
 * ({@code POST /api/v1/cti/calls/{callId}/events}), which is what changes the call's state in Fuwu.
 *
 * <p>Implementations: {@code HttpTelephony} (a JSON POST of each command to the platform's bridge, signed;
 * {@code fuwu.contact.telephony.mode=http}) and {@code DemoTelephony} (the embedded default: no phone
 * system, each command is acknowledged by the matching event at once).
 */
public interface TelephonyPort {

    /** A command for one call. */
    enum Command { ANSWER, HOLD, RESUME, TRANSFER, HANGUP, DIAL }

    /**
     * Sends a command; true when the platform took it (its event follows), false when it refused or could not
     * be reached. Never logs the numbers.
     *
     * @param callId the platform's call id (for DIAL: the id Fuwu gives the new call)
     * @param agentUsername the agent's login, by which the platform knows their phone
     * @param target TRANSFER: a queue code or an agent's login; DIAL: the number; else null
     */
    boolean send(Command command, String callId, String agentUsername, String target);
}
