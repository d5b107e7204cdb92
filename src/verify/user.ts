/** Resolves an image's User (uid[:gid] or name[:group]) against its own /etc/passwd and /etc/group, as runc does. */
export function resolveUser(user: string, passwd: string, group: string): { uid: number; gid: number } | string {
  const [u, g] = user.split(':');
  const users = passwd.split('\n').map((l) => l.split(':'));
  const groups = group.split('\n').map((l) => l.split(':'));
  const entry = /^\d+$/.test(u) ? users.find((e) => e[2] === u) : users.find((e) => e[0] === u);
  const uid = /^\d+$/.test(u) ? Number(u) : entry ? Number(entry[2]) : undefined;
  if (uid === undefined) return `user "${u}" is not in the image's /etc/passwd`;
  if (g === undefined) return { uid, gid: entry ? Number(entry[3]) : uid };
  if (/^\d+$/.test(g)) return { uid, gid: Number(g) };
  const ge = groups.find((e) => e[0] === g);
  return ge ? { uid, gid: Number(ge[2]) } : `group "${g}" is not in the image's /etc/group`;
}
