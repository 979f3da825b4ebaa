/** Attacks that run as user programs. */
@RunsIn("USER")
package mpkernel.attacks;

import mpkernel.annotations.RunsIn;
