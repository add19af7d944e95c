export { describeEvent, type IdWriter } from './what';
export { describeStepUp, describeWho, StepUpRecord, Who, whoOf } from './who';
export { positionKey } from './position-key';
