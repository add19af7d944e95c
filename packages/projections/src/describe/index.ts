export { describeEvent } from './what';
export { describeStepUp, describeWho, StepUpRecord, Who, whoOf } from './who';
export { positionKey } from './position-key';
