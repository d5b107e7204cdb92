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

/** qemu-user's name for a GOARCH (the binary is qemu-<name>-static). */
export const QEMU_ARCH: Record<string, string> = {
  amd64: 'x86_64',
  '386': 'i386',
  arm64: 'aarch64',
  arm: 'arm',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loongarch64',
  mips64le: 'mips64el',
  mips64: 'mips64',
  mipsle: 'mipsel',
  mips: 'mips',
};

/** The last (or first) lines of a program's output, for a message or the summary. */
export function lines(text: string, n: number, from: 'first' | 'last'): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return (from === 'first' ? all.slice(0, n) : all.slice(-n)).join('\n');
}
