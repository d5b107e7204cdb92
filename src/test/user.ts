const ID = /^\d{1,10}$/;

/** A uid or gid field: digits only, below 2^31 (an empty or signed field is no id, never 0). */
const idOf = (field: string | undefined): number | undefined =>
  field !== undefined && ID.test(field) && Number(field) < 2 ** 31 ? Number(field) : undefined;

/** Resolves an image's User (uid[:gid] or name[:group]) against its own /etc/passwd and /etc/group, as runc does. */
export function resolveUser(user: string, passwd: string, group: string): { uid: number; gid: number } | string {
  const [u = '', g] = [user.split(':').at(0), user.split(':').at(1)];
  const users = passwd.split('\n').map((l) => l.split(':'));
  const groups = group.split('\n').map((l) => l.split(':'));
  const byId = ID.test(u);
  const entry = byId ? users.find((e) => e[2] === u) : users.find((e) => e[0] === u);
  const uid = byId ? idOf(u) : idOf(entry?.[2]);
  if (uid === undefined)
    return entry
      ? `user "${u}" has uid "${entry[2]}" in the image's /etc/passwd, which is not a number`
      : `user "${u}" is not in the image's /etc/passwd`;
  if (g === undefined) {
    const gid = entry ? idOf(entry[3]) : uid;
    return gid === undefined
      ? `user "${u}" has gid "${entry?.[3]}" in the image's /etc/passwd, which is not a number`
      : { uid, gid };
  }
  if (ID.test(g)) {
    const gid = idOf(g);
    return gid === undefined ? `group "${g}" is out of range` : { uid, gid };
  }
  const ge = groups.find((e) => e[0] === g);
  const gid = idOf(ge?.[2]);
  if (gid === undefined)
    return ge
      ? `group "${g}" has gid "${ge[2]}" in the image's /etc/group, which is not a number`
      : `group "${g}" is not in the image's /etc/group`;
  return { uid, gid };
}

/** HOME as Docker sets it: the home of the passwd entry with the user's uid, else `/` (runc, libcontainer/user). */
export function homeOf(uid: number, passwd: string): string {
  const entry = passwd
    .split('\n')
    .map((l) => l.split(':'))
    .find((e) => e.length >= 6 && e[2] === String(uid));
  return entry?.[5] || '/';
}
