/**
 * A local endpoint that answers Secrets Manager's `GetSecretValue` in its JSON 1.1 protocol
 * (`POST /`, `X-Amz-Target: secretsmanager.GetSecretValue`), for an SDK pointed at it with
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER`. It stands in for the VPC endpoint only: the secret values
 * are the test's, and the signature of the (signed) request is not checked.
 */
import { createServer, type Server } from 'node:http';

export interface SecretsEndpoint {
  readonly url: string;
  /** Current values by ARN; change one to rotate it. */
  readonly secrets: Map<string, string>;
  /** GetSecretValue calls per ARN. */
  readonly reads: Map<string, number>;
  close(): Promise<void>;
}

export async function startSecretsEndpoint(
  initial: Record<string, string>,
): Promise<SecretsEndpoint> {
  const secrets = new Map(Object.entries(initial));
  const reads = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(json));
      };
      if (
        req.method !== 'POST' ||
        req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue'
      ) {
        answer(400, {
          __type: 'UnknownOperationException',
          message: String(req.headers['x-amz-target']),
        });
        return;
      }
      const { SecretId } = JSON.parse(body || '{}') as { SecretId?: string };
      const value = SecretId === undefined ? undefined : secrets.get(SecretId);
      if (SecretId === undefined || value === undefined) {
        answer(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      reads.set(SecretId, (reads.get(SecretId) ?? 0) + 1);
      answer(200, {
        ARN: SecretId,
        Name: SecretId.split(':secret:')[1],
        SecretString: value,
        VersionId: `v${reads.get(SecretId)}`,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: Date.now() / 1000,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    secrets,
    reads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
