// IAM policy grammar (botocore has no model for policy documents): the elements, their types
// and value forms as the IAM JSON policy reference defines them, checked strictly.

const VERSION = '2012-10-17';
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_KINDS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;
const RESOURCE =
  /^(\*|arn:aws[a-z-]*:[a-z0-9-*]*:[a-z0-9-*]*:(\d{12}|\*|aws)?:.+|arn:aws:s3:::.+)$/;
const CONDITION_OPERATOR =
  /^(ForAnyValue:|ForAllValues:)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(Less|Greater)Than(Equals)?|Date(Not)?Equals|Date(Less|Greater)Than(Equals)?|Bool|BinaryEquals|IpAddress|NotIpAddress|Arn(Not)?(Equals|Like))(IfExists)?$|^Null$/;

/** `identity`: attached to a role or user (no Principal); `resource`: on a bucket, key, topic…; `scp`: an organisation policy. */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'scp';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Problems of a policy document; [] when it follows the grammar. */
export function validatePolicy(doc: unknown, kind: PolicyKind): string[] {
  const problems: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    return ['policy: not an object'];
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!['Version', 'Id', 'Statement'].includes(key))
      problems.push(`unknown top-level element ${key}`);
  }
  if (d.Version !== VERSION) problems.push(`Version must be ${VERSION}`);
  const statements = list(d.Statement);
  if (statements.length === 0 || d.Statement === undefined) problems.push('Statement is missing');
  const sids = new Set<string>();
  statements.forEach((raw, i) => {
    const at = `Statement[${i}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const s = raw as Record<string, unknown>;
    for (const key of Object.keys(s))
      if (!STATEMENT_KEYS.has(key)) problems.push(`${at}: unknown element ${key}`);
    if (s.Sid !== undefined) {
      if (typeof s.Sid !== 'string' || !/^[A-Za-z0-9]*$/.test(s.Sid))
        problems.push(`${at}: Sid must be alphanumeric`);
      else if (sids.has(s.Sid)) problems.push(`${at}: duplicate Sid ${s.Sid}`);
      else sids.add(s.Sid);
    }
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      problems.push(`${at}: Effect must be Allow or Deny`);
    if ((s.Action === undefined) === (s.NotAction === undefined))
      problems.push(`${at}: exactly one of Action, NotAction`);
    for (const a of list(s.Action ?? s.NotAction ?? [])) {
      if (typeof a !== 'string' || !ACTION.test(a))
        problems.push(`${at}: bad action ${JSON.stringify(a)}`);
    }
    const hasResource = s.Resource !== undefined || s.NotResource !== undefined;
    if (s.Resource !== undefined && s.NotResource !== undefined)
      problems.push(`${at}: both Resource and NotResource`);
    if (kind === 'trust') {
      if (hasResource) problems.push(`${at}: a trust policy names no Resource`);
    } else if (!hasResource) {
      problems.push(`${at}: Resource is missing`);
    }
    for (const r of list(s.Resource ?? s.NotResource ?? [])) {
      if (typeof r !== 'string' || !RESOURCE.test(r))
        problems.push(`${at}: bad resource ${JSON.stringify(r)}`);
    }
    const principal = s.Principal ?? s.NotPrincipal;
    if (kind === 'identity' || kind === 'scp') {
      if (principal !== undefined) problems.push(`${at}: an ${kind} policy names no Principal`);
    } else if (principal === undefined) {
      problems.push(`${at}: Principal is missing`);
    } else if (principal !== '*') {
      if (typeof principal !== 'object' || principal === null)
        problems.push(`${at}: bad Principal`);
      else {
        for (const [k, v] of Object.entries(principal)) {
          if (!PRINCIPAL_KINDS.has(k)) problems.push(`${at}: unknown principal kind ${k}`);
          for (const p of list(v)) {
            const ok =
              k === 'Service'
                ? typeof p === 'string' && /^[a-z0-9.-]+\.amazonaws\.com$/.test(p)
                : k === 'AWS'
                  ? typeof p === 'string' && /^(\*|\d{12}|arn:aws:(iam|sts)::\d{12}:.+)$/.test(p)
                  : typeof p === 'string' && p.length > 0;
            if (!ok) problems.push(`${at}: bad ${k} principal ${JSON.stringify(p)}`);
          }
        }
      }
    }
    if (s.Condition !== undefined) {
      if (typeof s.Condition !== 'object' || s.Condition === null)
        problems.push(`${at}: bad Condition`);
      else {
        for (const [op, block] of Object.entries(s.Condition)) {
          if (!CONDITION_OPERATOR.test(op))
            problems.push(`${at}: unknown condition operator ${op}`);
          if (typeof block !== 'object' || block === null || Array.isArray(block)) {
            problems.push(`${at}: condition ${op} must map keys to values`);
            continue;
          }
          for (const [key, value] of Object.entries(block)) {
            if (!/^[A-Za-z0-9.-]+:[A-Za-z0-9:/_*.-]+$/.test(key))
              problems.push(`${at}: bad condition key ${key}`);
            for (const x of list(value)) {
              if (!['string', 'number', 'boolean'].includes(typeof x))
                problems.push(`${at}: bad condition value for ${key}`);
            }
          }
        }
      }
    }
  });
  return problems;
}
