const POLL_MS = 10;
/** Far above anything the tests provoke (a message timeout of a fraction of a second). */
const GIVE_UP_MS = 15_000;

/** Waits until `condition` holds, polling; fails naming `what` if it never does. Never a sleep to pass. */
export const eventually = async (what: string, condition: () => boolean | Promise<boolean>, detail: () => unknown = () => undefined): Promise<void> => {
  const deadline = Date.now() + GIVE_UP_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}; ${JSON.stringify(detail())}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
