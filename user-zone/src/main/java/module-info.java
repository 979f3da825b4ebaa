/**
 * User programs (domain {@code USER}): they see the kernel's system-call API and nothing else,
 * and have no native access.
 */
module mpkernel.userzone {
    requires mpkernel.kernel;
    requires mpkernel.annotations;
    provides mpkernel.kernel.api.UserProgram with
            mpkernel.user.programs.Hello,
            mpkernel.user.programs.Cat,
            mpkernel.user.programs.AttackWildWrite,
            mpkernel.user.programs.AttackProcMem,
            mpkernel.user.programs.AttackQuietExit,
            mpkernel.user.programs.AttackSyscalls,
            mpkernel.user.programs.ConfinementProbe,
            mpkernel.user.net.TcpEcho,
            mpkernel.user.net.UdpEcho,
            mpkernel.user.net.TcpSink,
            mpkernel.user.net.TcpDiscard,
            mpkernel.user.net.TcpSend,
            mpkernel.user.http.HttpServer,
            mpkernel.user.kv.KvServer,
            mpkernel.user.bench.NpbCg,
            mpkernel.user.bench.NpbEp,
            mpkernel.user.bench.NpbIs,
            mpkernel.user.bench.NpbMg,
            mpkernel.user.bench.PhoenixKmeans,
            mpkernel.user.bench.PhoenixPca,
            mpkernel.user.bench.Linpack,
            mpkernel.user.bench.Whetstone,
            mpkernel.user.bench.Dhrystone,
            mpkernel.user.bench.Livermore,
            mpkernel.user.bench.LivermoreSamples,
            mpkernel.user.bench.Sweep;
}
