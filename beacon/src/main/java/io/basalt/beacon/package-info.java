/** Beacon chain containers, state transition, validator registry and chain services. */
package io.basalt.beacon;
