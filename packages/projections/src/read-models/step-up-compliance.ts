import { defaultPolicy, type Policy } from '@ssp/domain';
import { positionKey } from '../describe/position-key';
import { assessDeviceChange, ComplianceEntry } from '../describe/step-up-assessment';
import type { Projection } from '../runner/projection';

export { ComplianceEntry };

/**
 * Every device change with the step-up that authorised it and that step-up's age; the flagged
 * ones are the auditor's findings. The freshness limit is a policy: pass the one in force.
 */
export const stepUpComplianceProjection = (policy: Pick<Policy, 'stepUpFreshSeconds'> = defaultPolicy): Projection<ComplianceEntry> => ({
  name: 'step-up-compliance',
  document: ComplianceEntry,
  touches: () => [],
  apply: ({ event, metadata, recorded }) => {
    const entry = assessDeviceChange(event, metadata, recorded, policy.stepUpFreshSeconds);
    return entry === undefined ? [] : [[positionKey(recorded.position), entry]];
  },
});
