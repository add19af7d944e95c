// The portal-browser project's timeout: a step of the story loads several pages and checks
// each with axe-core, which takes seconds on two cores. Jest 30 reads `testTimeout` from the
// global configuration only, so a project sets its own here.
jest.setTimeout(60_000);
