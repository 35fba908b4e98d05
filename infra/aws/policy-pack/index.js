// Entry of the policy pack for the Pulumi CLI. Constructing a PolicyPack starts its gRPC server,
// so only the CLI loads this file; tests replay the same exported rules directly.
import { PolicyPack } from '@pulumi/policy';
import { mppPolicies } from '../dist/policies/index.js';

new PolicyPack('mpp-kit-aws', { policies: mppPolicies });
