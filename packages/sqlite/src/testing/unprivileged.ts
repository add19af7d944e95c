/**
 * File permissions bind every user but root, and CI runs the tests as root. `asUnprivileged`
 * runs `action` as user and group `nobody` (65534) when the process is root and allowed to
 * switch, so that the permissions under test apply to it. A process that is not root runs
 * `action` as itself, bound by permissions already. `enforced` is false only for root that
 * cannot switch (no CAP_SETUID, or a worker thread): permissions were then not in force, and
 * a test should assert only what holds either way.
 */
export type Unprivileged<A> = Readonly<{ result: A; enforced: boolean }>;

const NOBODY = 65534;

const isRoot = (): boolean => process.geteuid?.() === 0;

/** Effective ids only: the real and saved ids stay root, which is what allows switching back. */
const becomeNobody = (): void => {
  // The group first, while still root.
  process.setegid?.(NOBODY);
  process.seteuid?.(NOBODY);
};

const becomeRootAgain = (): void => {
  // The user first: only root may take the group back.
  process.seteuid?.(0);
  process.setegid?.(0);
};

const rootCanSwitch = (): boolean => {
  try {
    becomeNobody();
    return process.geteuid?.() === NOBODY;
  } catch {
    return false;
  } finally {
    becomeRootAgain();
  }
};

/** Whether `asUnprivileged` puts file permissions in force here; tried once. */
export const permissionsEnforceable: boolean = !isRoot() || rootCanSwitch();

/** Synchronous only: everything `action` does happens as `nobody`, then root is back. */
export const asUnprivileged = <A>(action: () => A): Unprivileged<A> => {
  if (!isRoot()) return { result: action(), enforced: true };
  if (!permissionsEnforceable) return { result: action(), enforced: false };
  becomeNobody();
  try {
    return { result: action(), enforced: true };
  } finally {
    becomeRootAgain();
  }
};
