/** The environment ECS gives a container of a recorded task definition. */

export interface ContainerDefinition {
  name: string;
  command: string[];
  environment: { name: string; value: string }[];
  secrets: { name: string; valueFrom: string }[];
}

/**
 * The value ECS injects for a `secrets[].valueFrom`: `<secret ARN>[:<json-key>[:<stage>[:<version>]]]`.
 * Without a JSON key it is the whole SecretString; with one, that key of its JSON.
 */
export function ecsSecretValue(valueFrom: string, secrets: ReadonlyMap<string, string>): string {
  const parts = valueFrom.split(':');
  // arn:aws:secretsmanager:<region>:<account>:secret:<name> — seven parts, then the options
  const arn = parts.slice(0, 7).join(':');
  const [jsonKey = '', stage = '', version = ''] = parts.slice(7);
  if (stage !== '' || version !== '')
    throw new Error(`${valueFrom}: only the current version is served`);
  const secret = secrets.get(arn);
  if (secret === undefined) throw new Error(`no secret ${arn}`);
  if (jsonKey === '') return secret;
  const value = (JSON.parse(secret) as Record<string, unknown>)[jsonKey];
  if (typeof value !== 'string') throw new Error(`${arn} has no string key ${jsonKey}`);
  return value;
}

/** The container's environment: plain variables and resolved secrets, nothing else. */
export function containerEnvironment(
  container: ContainerDefinition,
  secrets: ReadonlyMap<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, value } of container.environment) env[name] = value;
  for (const { name, valueFrom } of container.secrets)
    env[name] = ecsSecretValue(valueFrom, secrets);
  return env;
}
