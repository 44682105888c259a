#!/bin/sh
# builder-init.sh - /init of the guest that finishes the test system
# (scripts/debian-system.sh): the second stage of debootstrap, the initramfs and zipl,
# on the ext4 of /dev/vda1, each step said on the console; then power off.
# (/bin is the initrd's busybox; the rest is the system's, inside the chroot)
export PATH=/bin:/usr/sbin:/usr/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
# (ext4 asks the crypto API for crc32c when it mounts: no modprobe here to load it)
for m in crc16 mbcache jbd2 crc32c_generic libcrc32c ext4 virtio_blk; do
	insmod "/lib/modules/$m.ko"
done
sleep 1
fail() {
	echo "builder: $1"
	poweroff -f
}
mount -t ext4 /dev/vda1 /root || fail "cannot mount /dev/vda1"
mount --bind /proc /root/proc
mount --bind /sys /root/sys
mount --bind /dev /root/dev
start=$(date +%s)
echo "builder: second stage"
if ! chroot /root /debootstrap/debootstrap --second-stage >/root/var/log/second-stage.log 2>&1; then
	tail -n 20 /root/var/log/second-stage.log
	fail "second stage failed"
fi
echo "builder: second stage done in $(($(date +%s) - start)) s"
# (the kernel's own postinst makes the initramfs where initramfs-tools came first)
chroot /root sh -c 'ls /boot/initrd.img-* || update-initramfs -c -k all' \
	>/root/var/log/initramfs.log 2>&1 ||
	{ tail -n 20 /root/var/log/initramfs.log; fail "update-initramfs failed"; }
chroot /root zipl -V >/root/var/log/zipl.log 2>&1 || { cat /root/var/log/zipl.log; fail "zipl failed"; }
cat /root/var/log/zipl.log
chroot /root apt-get clean
sync
umount /root/dev /root/sys /root/proc
umount /root
echo "builder: done, zipl ok, $(($(date +%s) - start)) s"
poweroff -f
