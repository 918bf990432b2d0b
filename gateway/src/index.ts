export { startGateway, type RunningGateway, type StartGatewayOptions } from "./gateway.js";
export { DEFAULT_CALLER_LIMITS, type CallerLimitOverrides, type CallerLimitSettings } from "./caller-limits.js";
