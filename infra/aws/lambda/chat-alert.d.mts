export function chatTextOf(subject: string | undefined, message: string): string;
export function handler(
  event: { Records?: { Sns?: { Subject?: string; Message?: string } }[] },
  context: unknown,
  post?: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<{ ok: boolean; status: number }>,
): Promise<void>;
