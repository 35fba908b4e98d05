export function scramVerifier(password: string, salt?: Buffer, iterations?: number): string;
export function roleStatements(args: {
  appRole: string;
  appLoginUsers: string[];
  migrator: string;
  appCredentials: { username: string; password: string };
  migratorCredentials: { username: string; password: string };
}): string[];
