/* SPDX-License-Identifier: GPL-2.0 */
/*
 * errno.h - the Linux errno values lib/ returns, for the freestanding payload.
 */
#ifndef PAYLOAD_ERRNO_H
#define PAYLOAD_ERRNO_H

#define ENOENT	     2
#define EIO	     5
#define E2BIG	     7
#define ENOEXEC	     8
#define ENOMEM	     12
#define EEXIST	     17
#define ENODEV	     19
#define EINVAL	     22
#define ERANGE	     34
#define ENAMETOOLONG 36
#define EOPNOTSUPP   95

#endif
