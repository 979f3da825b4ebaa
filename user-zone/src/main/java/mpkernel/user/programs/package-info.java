/** Small user programs: {@code hello}, {@code cat}. */
@RunsIn("USER")
package mpkernel.user.programs;

import mpkernel.annotations.RunsIn;
