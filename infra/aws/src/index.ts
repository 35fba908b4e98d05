// The Pulumi program: load the instance's mpp.config.yaml, then declare everything.
import * as pulumi from '@pulumi/pulumi';
import { declareInstance, type InstanceOutputs } from './instance.js';
import { loadInstanceSpec } from './spec/load-instance.js';
import { readStackSecrets, readStackSettings } from './spec/stack-settings.js';

export default async function program(): Promise<InstanceOutputs> {
  const config = new pulumi.Config();
  const spec = await loadInstanceSpec(readStackSettings(config));
  return declareInstance(spec, readStackSecrets(config));
}
