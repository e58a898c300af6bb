package org.fuwu.organization;

/**
 * Where a branch is, in WGS-84 degrees, so that a customer's phone can find the nearest one.
 *
 * @param latitude -90..90
 * @param longitude -180..180
 */
public record BranchLocation(double latitude, double longitude) {
}
