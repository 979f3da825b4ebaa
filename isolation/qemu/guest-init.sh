#!/bin/sh
# PID 1 of the mpk-qemu guest. Runs under the static busybox of the initramfs
# that isolation/qemu/mpk-qemu builds; this file is copied verbatim to /init
# and its hash is part of the initramfs cache key (edit it and the cache is
# rebuilt on the next run).
#
# Channels (all set up by mpk-qemu on the host):
#   ttyS0            kernel console; only the host's raw diagnostic log sees it
#   ttyS1 / ttyS2    the command's stdout / stderr, nothing else ever writes there
#   9p "hostroot"    host /, read-only, mounted at /host and chrooted into
#   9p "mpkrun"      per-run host directory: cmd.sh, mounts, runas; we write status
#   9p from mounts   read-write host directories mounted over /host<path>

PATH=/bin
export PATH
mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
dmesg -n 1

fail() {
	echo "mpk-init: $*"
	poweroff -f
	sleep 60
}

# Loopback only (the guest has no network device): JMH's forked JVMs report to their parent over it,
# and the loop network forwards 127.0.0.1 to the program.
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up || fail "cannot bring up the loopback interface"

while read -r m; do
	[ -n "$m" ] || continue
	insmod "/lib/mpk/$m.ko" || fail "insmod $m failed"
done </etc/mpk-modules

O=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o "$O,ro,cache=loose" hostroot /host || fail "cannot mount host root"
mount -t 9p -o "$O,cache=mmap" mpkrun /mpkrun || fail "cannot mount run directory"

mount -t tmpfs -o mode=1777 tmpfs /host/tmp || fail "cannot mount /tmp"
# A writable /run: `ip netns` keeps its namespaces there (the network tests make some).
mount -t tmpfs -o mode=755 tmpfs /host/run || fail "cannot mount /run"

# "<tag> <absolute path>" per line, outermost directory first.
while IFS= read -r line; do
	[ -n "$line" ] || continue
	tag=${line%% *}
	dir=${line#* }
	# A directory below /tmp lives in the fresh tmpfs: create its mount point.
	[ -d "/host$dir" ] || mkdir -p "/host$dir"
	mount -t 9p -o "$O,cache=mmap" "$tag" "/host$dir" ||
		fail "cannot mount $dir read-write"
done </mpkrun/mounts

mount -t proc proc /host/proc || fail "cannot mount /proc"
mount -t sysfs sysfs /host/sys || fail "cannot mount /sys"
mount -o bind /dev /host/dev || fail "cannot bind /dev"
mkdir -p /dev/pts /dev/shm
mount -t devpts -o mode=620,ptmxmode=666 devpts /host/dev/pts
mount -t tmpfs -o mode=1777 tmpfs /host/dev/shm
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr

# The command never sees a terminal: it writes into pipes, and two relays
# copy the pipes to the raw serial ports (no echo, no output processing, so
# no \r is ever added).
stty -F /dev/ttyS1 raw -echo clocal || fail "cannot configure ttyS1"
stty -F /dev/ttyS2 raw -echo clocal || fail "cannot configure ttyS2"
mkfifo /out.fifo /err.fifo
exec 4>/dev/ttyS1 5>/dev/ttyS2
cat /out.fifo >&4 4>&- 5>&- &
relay_out=$!
cat /err.fifo >&5 4>&- 5>&- &
relay_err=$!

# Unless the host asked for quiet, say on the command's stderr that the guest is up and for how
# long it booted: under TCG the boot alone takes tens of seconds, and the JVM after it as long.
if [ -e /mpkrun/progress ]; then
	read -r up _ </proc/uptime
	echo "mpk qemu: guest up after ${up%.*} s; starting the command (a JVM takes 15-40 s to start under TCG)" >&5
fi

runas=$(cat /mpkrun/runas 2>/dev/null)
# cmd.sh (environment, cd, exec of the argv) reaches the chroot's /bin/sh as
# fd 3; its first line closes fd 3 again. setsid: the command gets no
# controlling terminal (this shell acquired ttyS1 as one when opening it).
# $runas is deliberately unquoted: it is empty or a setpriv command line
# without spaces inside its words, written by mpk-qemu. The subshell keeps the
# redirections away from this shell, so its "Segmentation fault"-style report
# of a command killed by a signal goes to the console log, not to CMD's stderr.
(
	exec env -i /bin/setsid /bin/chroot /host $runas /bin/sh /proc/self/fd/3 \
		3</mpkrun/cmd.sh </dev/null >/out.fifo 2>/err.fifo 4>&- 5>&-
)
rc=$?

# Let the relays copy what is left. Anything the command left running that
# still holds a pipe open is killed after 3 s so the relays see EOF.
i=0
while kill -0 "$relay_out" 2>/dev/null || kill -0 "$relay_err" 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -eq 300 ]; then
		for p in /proc/[0-9]*; do
			p=${p#/proc/}
			case " 1 $$ $relay_out $relay_err " in
			*" $p "*) ;;
			*) kill -9 "$p" 2>/dev/null ;;
			esac
		done
	fi
	usleep 10000
done
wait "$relay_out" "$relay_err"
# Last close of each port waits until the UART has sent every byte.
exec 4>&- 5>&-

echo "$rc" >/mpkrun/status.tmp && mv /mpkrun/status.tmp /mpkrun/status
poweroff -f
sleep 60
