/**
 * One named step of a browser test with its own time limit: a step that hangs fails with its name
 * and limit instead of the test's anonymous overall timeout, and a slow one is reported.
 */
export async function step<T>(name: string, run: () => Promise<T>, ms = 10_000): Promise<T> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`step "${name}" did not finish within ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    const took = Math.round(performance.now() - started);
    if (took > ms / 2) console.warn(`step "${name}" took ${took} ms (limit ${ms} ms)`);
  }
}
