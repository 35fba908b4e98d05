// The recorded resources' JSON documents against AWS's own service models (botocore) and the
// IAM policy grammar: what mocks echo back unchecked, the API would refuse.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type ServiceModel, validateShape } from './botocore-model.js';
import { example, specOf } from './config-variant.js';
import { type PolicyKind, validatePolicy } from './iam-policy-grammar.js';
import { ofType, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let ecs: ServiceModel;
let wafv2: ServiceModel;
beforeAll(async () => {
  // Fails with the install hint when python3-botocore is missing: never skipped.
  ecs = loadModel('ecs');
  wafv2 = loadModel('wafv2');
  const spec = await specOf(example('medium'), { officeCidrs: '203.0.113.16/29' });
  run = await runProgram(spec);
});

const containerDefinitionsOf = () =>
  ofType(run, 'aws:ecs/taskDefinition:TaskDefinition').map((t) => ({
    name: t.name,
    doc: JSON.parse(t.inputs.containerDefinitions),
  }));

describe('the botocore models', () => {
  it('are found where Debian installs them, or the error says what to install', () => {
    expect(ecs.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => loadModel('no-such-service')).toThrow(/install Debian's python3-botocore/);
  });
});

describe('ECS task definitions against the ecs service model', () => {
  it('validates every container definition of the app and migrate tasks', () => {
    const tasks = containerDefinitionsOf();
    expect(tasks.map((t) => t.name).sort()).toEqual(['service-app-task', 'service-migrate-task']);
    for (const t of tasks)
      expect(validateShape(ecs, 'ContainerDefinitions', t.doc), t.name).toEqual([]);
  });

  it('rejects a deliberately broken container definition', () => {
    const [first] = containerDefinitionsOf();
    const broken = structuredClone(first?.doc);
    broken[0].essential = 'yes';
    broken[0].imageName = broken[0].image;
    broken[0].dependsOn = [{ containerName: 'db-roles', condition: 'DONE' }];
    broken[0].secrets = [{ name: 'PGPASSWORD' }];
    expect(validateShape(ecs, 'ContainerDefinitions', broken).sort()).toEqual([
      "$[0].dependsOn[0].condition: 'DONE' is not one of START, COMPLETE, SUCCESS, HEALTHY",
      '$[0].essential: expected a boolean (BoxedBoolean)',
      '$[0].imageName: unknown member of ContainerDefinition',
      '$[0].secrets[0]: missing required member valueFrom of Secret',
    ]);
  });
});

describe('WAF rules against the wafv2 service model', () => {
  const rulesOf = () => ofType(run, 'aws:wafv2/webAcl:WebAcl')[0]?.inputs.rules;

  it('validates every rule of the web ACL (Pulumi spells members in camelCase)', () => {
    expect(rulesOf()).toHaveLength(5);
    expect(validateShape(wafv2, 'Rules', rulesOf(), { ignoreCase: true })).toEqual([]);
  });

  it('rejects a deliberately broken rule', () => {
    const broken = structuredClone(rulesOf());
    delete broken[3].priority;
    broken[3].statement.rateBasedStatement.aggregateKeyType = 'ADDRESS';
    broken[3].statement.rateBasedStatement.limit = 50;
    expect(validateShape(wafv2, 'Rules', broken, { ignoreCase: true }).sort()).toEqual([
      "$[3].statement.rateBasedStatement.aggregateKeyType: 'ADDRESS' is not one of IP, FORWARDED_IP",
      '$[3].statement.rateBasedStatement.limit: 50 < min 100',
      '$[3]: missing required member Priority of Rule',
    ]);
  });
});

/** Every policy document the program declares, with the grammar it must follow. */
function policyDocuments(): { where: string; kind: PolicyKind; doc: unknown }[] {
  const docs: { where: string; kind: PolicyKind; doc: unknown }[] = [];
  const add = (where: string, kind: PolicyKind, text: unknown) => {
    if (typeof text === 'string') docs.push({ where, kind, doc: JSON.parse(text) });
  };
  for (const r of run.resources) {
    if (r.type === 'aws:iam/role:Role') add(r.name, 'trust', r.inputs.assumeRolePolicy);
    if (r.type === 'aws:iam/rolePolicy:RolePolicy') add(r.name, 'identity', r.inputs.policy);
    if (r.type === 'aws:s3/bucketPolicy:BucketPolicy') add(r.name, 'resource', r.inputs.policy);
    if (r.type === 'aws:kms/key:Key') add(r.name, 'resource', r.inputs.policy);
    if (r.type === 'aws:sns/topicPolicy:TopicPolicy') add(r.name, 'resource', r.inputs.policy);
  }
  return docs;
}

const fleetFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fleet/${name}`, import.meta.url), 'utf8'));

describe('IAM policy documents against the policy grammar', () => {
  it('validates every role, bucket, key and topic policy of the program', () => {
    const docs = policyDocuments();
    expect(docs.map((d) => d.kind).sort()).toEqual(
      expect.arrayContaining(['identity', 'resource', 'trust']),
    );
    expect(docs.length).toBeGreaterThanOrEqual(12);
    for (const d of docs) expect(validatePolicy(d.doc, d.kind), d.where).toEqual([]);
  });

  it('validates the fleet documents: the region SCP, the CI trust policy, the backup vault policy', () => {
    expect(validatePolicy(fleetFile('scp-jakarta-only.json'), 'scp')).toEqual([]);
    expect(validatePolicy(fleetFile('ci-deploy-trust-policy.json'), 'trust')).toEqual([]);
    expect(validatePolicy(fleetFile('backup-vault-access-policy.json'), 'resource')).toEqual([]);
  });

  it('rejects deliberately broken policies', () => {
    const bucket = policyDocuments().find((d) => d.where === 'audit-bucket-policy')?.doc as {
      Statement: Record<string, unknown>[];
    };
    const broken = structuredClone(bucket);
    delete (broken.Statement[0] as Record<string, unknown>).Principal;
    (broken.Statement[1] as Record<string, unknown>).Effect = 'Permit';
    (broken.Statement[2] as Record<string, unknown>).Action = 's3 PutObject';
    (broken.Statement[3] as Record<string, unknown>).Condition = {
      StringEqualz: { 'aws:SourceAccount': '1' },
    };
    expect(validatePolicy(broken, 'resource')).toEqual([
      'Statement[0]: Principal is missing',
      'Statement[1]: Effect must be Allow or Deny',
      'Statement[2]: bad action "s3 PutObject"',
      'Statement[3]: unknown condition operator StringEqualz',
    ]);
    const identity = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    };
    expect(validatePolicy(identity, 'identity')).toEqual([
      'Statement[0]: an identity policy names no Principal',
    ]);
  });
});
