/** Small helpers shared by the work-order module's own packages (not used by other modules). */
package io.opsflow.workorder.support;
