#!/bin/bash
# One device session: unpack the bundle, then on separate cores: JMH gate benchmarks,
# a reproduce on mpk, and an mpk fault campaign. Everything lands in $OUT.
set -u
B=/tmp/mpkb; rm -rf $B; mkdir -p $B
tar xzf target/device/mpkernel.tar.gz -C $B
cd $B/mpkernel-*/ || exit 9
unset JAVA_HOME
mkdir -p $OUT/results
{ nproc; grep -m1 "model name" /proc/cpuinfo; grep -c pku /proc/cpuinfo; uname -a; uptime; } > $OUT/machine.txt 2>&1
timeout 60 ./mpk doctor > $OUT/doctor.txt 2>&1
( timeout 420 taskset -c 6-15 ./mpk faults --backend mpk --trials 1000 --jobs 8 --out $OUT/results > $OUT/faults.log 2>&1; echo "rc $?" >> $OUT/faults.log ) &
( timeout 420 taskset -c 2-5 ./mpk reproduce --backend mpk --pairs 3 --out $OUT/results > $OUT/reproduce.log 2>&1; echo "rc $?" >> $OUT/reproduce.log ) &
timeout 400 taskset -c 0-1 ./mpk bench 'GateBench|WrpkruBench|ClockBench|NullSyscallBench' > $OUT/bench.log 2>&1; echo "rc $?" >> $OUT/bench.log
wait
cp results/bench-* $OUT/results/ 2>/dev/null
ls -la $OUT/results
tail -5 $OUT/*.log
